using System.Buffers.Binary;
using System.Diagnostics;
using MovieRec.Core.Engine;

namespace MovieRec.Tests.Engine;

/// <summary>Model files built to hurt a reader: a huge sparse one with an honest-looking header, and a FIFO.</summary>
internal static class HostileModelFiles
{
    private const int RankOffset = 20, JsonLengthOffset = 32, FixedHeaderSize = ModelFileTestData.FixedHeaderSize;

    /// <summary>
    /// A sparse file whose header declares <paramref name="rank"/> factors for 2 users and 2 movies,
    /// with every element count in its place and the exact length the header asks for, so that
    /// every check before the arrays passes; its bytes are holes (a few kilobytes on disk) and its
    /// checksum is wrong. With rank 134,217,000 it claims 4.3 GB of factors.
    /// </summary>
    public static void WriteSparseHuge(string path, int rank)
    {
        string template = path + ".template";
        ModelFile.Write(ModelFileTestData.RandomModel(seed: 5, users: 2, items: 2, rank: 1), template);
        byte[] valid = File.ReadAllBytes(template);
        File.Delete(template);
        int jsonLength = BinaryPrimitives.ReadInt32LittleEndian(valid.AsSpan(JsonLengthOffset));
        byte[] header = valid.AsSpan(0, FixedHeaderSize + jsonLength).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(RankOffset), rank);

        const int users = 2, items = 2;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.Write(header);
        void Array(long count, int elementSize)
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(prefix, count);
            file.Write(prefix);
            file.Seek(count * elementSize, SeekOrigin.Current); // a hole: nothing is written
        }
        Array(users, 4);                   // user ids
        Array(items, 4);                   // item ids
        file.Seek(8, SeekOrigin.Current);  // mu
        Array(users, 8);                   // user bias
        Array(items, 8);                   // item bias
        Array((long)users * rank, 8);      // P
        Array((long)items * rank, 8);      // Q
        Array(items, 8);                   // item norms
        Array(items, 4);                   // item rating counts (format v2 keeps no item rating sums)
        Array(users, 4);                   // user rating counts
        file.SetLength(file.Position + 32); // the (zero) checksum
    }

    /// <summary>A named pipe at <paramref name="path"/> (mkfifo): opening it to read waits for a writer.</summary>
    public static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
