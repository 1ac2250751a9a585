using MovieRec.Core.ModelHistory;

namespace MovieRec.Tests.Engine;

/// <summary>The model history's copy (kernel copy, flush, rename): the whole file or nothing, no temporary file left.</summary>
public sealed class AtomicCopyTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3 * 1024 * 1024 + 7)] // larger than any one copy_file_range or buffer step
    public void A_copy_replaces_the_destination_with_the_whole_source(int bytes)
    {
        var content = new byte[bytes];
        new Random(bytes).NextBytes(content);
        string source = _directory.File("source.bin"), destination = _directory.File("kept/copy.bin");
        File.WriteAllBytes(source, content);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.WriteAllBytes(destination, [1, 2, 3]);

        FolderModelRepository.AtomicCopy(source, destination);

        Assert.Equal(content, File.ReadAllBytes(destination));
        Assert.Equal(["copy.bin"], Directory.GetFiles(Path.GetDirectoryName(destination)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_source_leaves_the_destination_as_it_was_and_nothing_beside_it()
    {
        string destination = _directory.File("copy.bin");
        File.WriteAllBytes(destination, [1, 2, 3]);

        Assert.Throws<FileNotFoundException>(() => FolderModelRepository.AtomicCopy(_directory.File("missing.bin"), destination));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(destination));
        Assert.Equal(["copy.bin"], _directory.Entries());
    }
}
