using MovieRec.Core.Engine;
using static MovieRec.Tests.Engine.ModelFileTestData;

namespace MovieRec.Tests.Engine;

/// <summary>
/// What keeps a model file from costing more than it should: a size ceiling checked right after
/// the header, the checksum verified by streaming before any array exists, and regular files only.
/// </summary>
public sealed class ModelFileLimitsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AHugeSparseFile_WithAnHonestHeader_PassesTheHeaderChecks_ButIsRefusedByTheCeiling()
    {
        string path = _directory.File("huge.bin");
        HostileModelFiles.WriteSparseHuge(path, rank: 134_217_000);

        var info = ModelFile.ReadInfo(path); // the header and length agree: only a ceiling can stop it
        Assert.True(info.SizeBytes > 4_000_000_000L);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path, 256L << 20, out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ModelFileProblem.TooLarge, error.Problem);
        Assert.Contains("Model:Loading:MaxFileBytes", error.Message);
        Assert.True(allocated < 512 * 1024, $"refusing the file allocated {allocated} bytes");
    }

    [Fact]
    public void AFileAtTheCeiling_Loads_AndOneByteMoreOfFileDoesNot()
    {
        string path = _directory.File("model.bin");
        ModelFile.Write(RandomModel(seed: 3), path);
        long length = new FileInfo(path).Length;

        Assert.NotNull(ModelFile.Read(path, length, out _));
        Assert.Equal(ModelFileProblem.TooLarge, Assert.Throws<ModelFileException>(() => ModelFile.Read(path, length - 1, out _)).Problem);
    }

    [Fact]
    public void DamagedArrays_AreRefusedByTheChecksum_BeforeAnyArrayIsAllocated()
    {
        string path = _directory.File("damaged.bin");
        // 40,000 users x rank 40: 12.8 MB of user factors alone.
        ModelFile.Write(RandomModel(seed: 8, users: 40_000, items: 50, rank: 40), path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^100] ^= 0x01; // in the last arrays: a reader that allocates as it goes has allocated everything
        File.WriteAllBytes(path, bytes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ModelFileProblem.ChecksumMismatch, error.Problem);
        // The streaming pass's buffer (one pooled chunk, 1 MiB when the pool is cold) and the
        // message, never the 13 MB of arrays: a quarter of the file is far above the one and below the other.
        Assert.True(allocated < bytes.Length / 4, $"refusing a {bytes.Length}-byte file allocated {allocated} bytes");
    }

    [Fact]
    public async Task AFifo_IsRefusedAtOnce_InsteadOfWaitingForAWriter()
    {
        string path = _directory.File("model.bin");
        HostileModelFiles.MakeFifo(path);

        // Bounded: a reader that opens the FIFO would wait for ever; this fails after a minute instead
        // (generous: on two loaded cores the pool thread itself may start seconds late).
        var read = Task.Run(() => Assert.Throws<ModelFileException>(() => ModelFile.ReadInfo(path)));
        var error = await read.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ModelFileProblem.NotARegularFile, error.Problem);
        Assert.Contains("not a regular file", error.Message);
    }

    [Fact]
    public void AFolder_OrAMissingFile_AreTheUsualErrors()
    {
        Assert.Throws<FileNotFoundException>(() => ModelFile.Read(_directory.File("absent.bin")));
        Assert.Throws<UnauthorizedAccessException>(() => ModelFile.Read(_directory.Path));
    }
}
