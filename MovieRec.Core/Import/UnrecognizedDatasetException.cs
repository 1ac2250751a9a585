namespace MovieRec.Core.Import;

/// <summary>A folder that holds none of the file sets of a MovieLens download.</summary>
public sealed class UnrecognizedDatasetException(string directory, string message) : Exception(message)
{
    /// <summary>The folder that was examined.</summary>
    public string Directory { get; } = directory;
}
