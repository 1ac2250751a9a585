using System.Text;

namespace MovieRec.Tests.Import;

/// <summary>A folder of files written by one test (malformed inputs), deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "movierec-import-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes UTF-8 without a byte order mark, line endings exactly as given.</summary>
    public string Write(string fileName, string content) => WriteBytes(fileName, new UTF8Encoding(false).GetBytes(content));

    public string WriteBytes(string fileName, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string CopyFrom(string sourcePath, string? fileName = null)
    {
        string path = System.IO.Path.Combine(Path, fileName ?? System.IO.Path.GetFileName(sourcePath));
        File.Copy(sourcePath, path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test's path must not turn its failure into a different one.
        }
    }
}
