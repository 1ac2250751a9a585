namespace MovieRec.Core.Import;

/// <summary>Opens dataset files for one forward pass.</summary>
internal static class SequentialFile
{
    /// <summary>
    /// Unbuffered (the readers keep their own buffer, so a second copy would be waste) and marked
    /// sequential so that the operating system reads ahead.
    /// </summary>
    public static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
