using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// Reads little-endian fields and arrays from a stream while feeding every byte to a SHA-256, the
/// mirror of <see cref="HashingWriter"/>. A stream that ends early becomes a
/// <see cref="ModelFileException"/> naming the field that was being read.
/// </summary>
internal sealed class HashingReader(Stream input, string path) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Reads as many bytes as the stream has, up to the span's length; hashes them.</summary>
    public int ReadUpTo(Span<byte> into)
    {
        int read = input.ReadAtLeast(into, into.Length, throwOnEndOfStream: false);
        _hash.AppendData(into[..read]);
        return read;
    }

    public void ReadBytes(Span<byte> into, string what)
    {
        ReadUnhashed(into, what);
        _hash.AppendData(into);
    }

    /// <summary>For the stored checksum, which is not part of what it sums.</summary>
    public void ReadUnhashed(Span<byte> into, string what)
    {
        try
        {
            input.ReadExactly(into);
        }
        catch (EndOfStreamException e)
        {
            // Only reachable when the file shrank after its size was checked.
            throw new ModelFileException(ModelFileProblem.Truncated, path, $"the file ended while reading {what}", e);
        }
    }

    public long ReadInt64(string what)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        ReadBytes(bytes, what);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    public double ReadDouble(string what)
    {
        Span<byte> bytes = stackalloc byte[sizeof(double)];
        ReadBytes(bytes, what);
        return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
    }

    /// <summary>
    /// Reads an element count, refuses it unless it equals <paramref name="expectedCount"/> (which the
    /// caller derived from the header's checked shape), and only then allocates and fills the array.
    /// </summary>
    public T[] ReadArray<T>(string name, long expectedCount) where T : unmanaged
    {
        long count = ReadInt64($"the element count of {name}");
        if (count != expectedCount)
            throw new ModelFileException(ModelFileProblem.BadArrayLength, path,
                $"{name}: the header's shape needs {expectedCount} elements, the file says {count}");

        // Every element is overwritten below, so zeroing the (possibly 100 MB) array first is wasted work.
        var values = GC.AllocateUninitializedArray<T>((int)count);
        int chunkElements = ModelFileLayout.ChunkBytes / Unsafe.SizeOf<T>();
        for (int start = 0; start < values.Length; start += chunkElements)
        {
            var chunk = values.AsSpan(start, Math.Min(chunkElements, values.Length - start));
            ReadBytes(MemoryMarshal.AsBytes(chunk), name);
        }
        return values;
    }

    /// <summary>Hashes the next <paramref name="byteCount"/> bytes without keeping them.</summary>
    public void SkipHashed(long byteCount, string what)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ModelFileLayout.ChunkBytes);
        try
        {
            while (byteCount > 0)
            {
                var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, byteCount));
                ReadBytes(chunk, what);
                byteCount -= chunk.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The SHA-256 of everything read so far.</summary>
    public byte[] FinishHash() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();
}
