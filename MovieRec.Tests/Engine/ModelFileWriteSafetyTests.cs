using MovieRec.Core.Engine;
using static MovieRec.Tests.Engine.ModelFileTestData;

namespace MovieRec.Tests.Engine;

/// <summary>A write replaces the file whole or not at all, and never leaves a temporary file behind.</summary>
public sealed class ModelFileWriteSafetyTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ModelSnapshot _previous = RandomModel(seed: 31, ranking: true);
    private readonly ModelSnapshot _next = RandomModel(seed: 32, users: 40, items: 30, rank: 6, svdPlusPlus: true);
    private readonly string _path;

    public ModelFileWriteSafetyTests() => _path = _directory.File("model.bin");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void WriteOverAnExistingFile_ReplacesIt()
    {
        ModelFile.Write(_previous, _path);
        byte[] before = File.ReadAllBytes(_path);

        ModelFile.Write(_next, _path);

        Assert.NotEqual(before, File.ReadAllBytes(_path));
        AssertSameModel(_next, ModelFile.Read(_path));
        Assert.Equal(["model.bin"], _directory.Entries());
    }

    [Fact]
    public void WriteOverAnExistingFile_LeavesAReaderOfTheOldFileItsCompleteCopy()
    {
        ModelFile.Write(_previous, _path);
        byte[] before = File.ReadAllBytes(_path);
        using var openBeforeTheWrite = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        ModelFile.Write(_next, _path);

        // A rename swaps the name to the new file; the old one is not overwritten in place.
        var stillOld = new MemoryStream();
        openBeforeTheWrite.CopyTo(stillOld);
        Assert.Equal(before, stillOld.ToArray());
        AssertSameModel(_next, ModelFile.Read(_path));
    }

    [Fact]
    public void ModelThatFailsValidation_LeavesThePreviousFileByteIdentical()
    {
        ModelFile.Write(_previous, _path);
        byte[] before = File.ReadAllBytes(_path);
        var invalid = _next with { UserBias = new double[1] };

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Write(invalid, _path));

        Assert.Contains("user bias length", error.Message);
        Assert.Equal(before, File.ReadAllBytes(_path));
        Assert.Equal(["model.bin"], _directory.Entries());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(36)]
    [InlineData(1000)]
    [InlineData(-33)] // in the last array
    [InlineData(-1)] // in the checksum
    public void FailureWhileWriting_LeavesThePreviousFileByteIdenticalAndNoTemporaryFile(int failAfterBytes)
    {
        ModelFile.Write(_previous, _path);
        byte[] before = File.ReadAllBytes(_path);
        long fullSize = SizeOfFileFor(_next);
        long limit = failAfterBytes >= 0 ? failAfterBytes : fullSize + failAfterBytes;

        var error = Assert.Throws<IOException>(() =>
            ModelFile.Write(_next, _path, file => new FailingStream(file, limit)));

        Assert.Equal(FailingStream.Message, error.Message);
        Assert.Equal(before, File.ReadAllBytes(_path));
        Assert.Equal(["model.bin"], _directory.Entries());
    }

    [Fact]
    public void FailureAtTheRename_LeavesNoTemporaryFile()
    {
        // A directory where the file should go: everything succeeds up to the final rename.
        Directory.CreateDirectory(_path);
        File.WriteAllText(Path.Combine(_path, "inside.txt"), "untouched");

        var error = Record.Exception(() => ModelFile.Write(_next, _path));

        Assert.True(error is IOException or UnauthorizedAccessException, $"unexpected {error}");
        Assert.Equal(["model.bin"], _directory.Entries());
        Assert.Equal("untouched", File.ReadAllText(Path.Combine(_path, "inside.txt")));
    }

    [Fact]
    public void MissingTargetDirectory_FailsAndCreatesNothing()
    {
        string path = _directory.File(Path.Combine("missing", "model.bin"));

        Assert.Throws<DirectoryNotFoundException>(() => ModelFile.Write(_next, path));

        Assert.Empty(_directory.Entries());
    }

    [Fact]
    public async Task ReadersDuringRepeatedWrites_AlwaysGetOneOfTheCompleteModels()
    {
        ModelFile.Write(_previous, _path);
        string previousChecksum = ModelFile.ReadInfo(_path).Checksum;
        ModelFile.Write(_next, _path);
        string nextChecksum = ModelFile.ReadInfo(_path).Checksum;

        using var writingDone = new CancellationTokenSource();
        var reads = Task.Run(() =>
        {
            var seen = new List<string>();
            while (!writingDone.IsCancellationRequested || seen.Count == 0)
            {
                ModelFile.Read(_path, out var info); // throws on any half-written file
                seen.Add(info.Checksum);
            }
            return seen;
        });
        for (int i = 0; i < 30; i++)
            ModelFile.Write(i % 2 == 0 ? _previous : _next, _path);
        writingDone.Cancel();

        Assert.All(await reads, checksum => Assert.Contains(checksum, new[] { previousChecksum, nextChecksum }));
        Assert.Equal(["model.bin"], _directory.Entries());
    }

    private static long SizeOfFileFor(ModelSnapshot model)
    {
        using var elsewhere = new TempDirectory();
        string path = elsewhere.File("probe.bin");
        ModelFile.Write(model, path);
        return new FileInfo(path).Length;
    }

    /// <summary>Passes writes through until a byte limit, then fails like a full disk.</summary>
    private sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
    {
        public const string Message = "simulated failure: no space left on device";
        private long _written;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            long room = failAfterBytes - _written;
            if (buffer.Length > room)
            {
                inner.Write(buffer[..(int)Math.Max(0, room)]);
                _written = failAfterBytes;
                throw new IOException(Message);
            }
            inner.Write(buffer);
            _written += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
