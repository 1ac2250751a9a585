using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// Writes little-endian fields and arrays to a stream while feeding every byte to a SHA-256, so the
/// checksum is ready when the last array is written and the file never has to be held in memory.
/// </summary>
internal sealed class HashingWriter(Stream output) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        output.Write(bytes);
    }

    public void WriteInt32(int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    public void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    public void WriteInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    public void WriteDouble(double value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(double)];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    /// <summary>The element count, then the elements as their raw (little-endian) bytes.</summary>
    public void WriteArray<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        WriteInt64(values.Length);
        int chunkElements = ModelFileLayout.ChunkBytes / Unsafe.SizeOf<T>();
        for (int start = 0; start < values.Length; start += chunkElements)
        {
            var chunk = values.Slice(start, Math.Min(chunkElements, values.Length - start));
            WriteBytes(MemoryMarshal.AsBytes(chunk));
        }
    }

    /// <summary>Appends the SHA-256 of everything written so far; the checksum itself is not hashed.</summary>
    public void WriteChecksum()
    {
        Span<byte> checksum = stackalloc byte[ModelFileLayout.ChecksumSize];
        _hash.GetHashAndReset(checksum);
        output.Write(checksum);
    }

    public void Dispose() => _hash.Dispose();
}
