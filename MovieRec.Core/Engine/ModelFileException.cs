namespace MovieRec.Core.Engine;

/// <summary>Which check of <see cref="ModelFile"/> refused a file.</summary>
public enum ModelFileProblem
{
    /// <summary>The file ends before the layout says it should (this includes an empty file).</summary>
    Truncated,

    /// <summary>The first 8 bytes are not the model file magic: some other kind of file.</summary>
    NotAModelFile,

    /// <summary>A model file of a format version this code does not read.</summary>
    UnsupportedVersion,

    /// <summary>The header's shape, flags or JSON cannot describe a model.</summary>
    BadHeader,

    /// <summary>The file is longer than its header's shape allows.</summary>
    SizeMismatch,

    /// <summary>An array's element count differs from the one the header's shape requires.</summary>
    BadArrayLength,

    /// <summary>The SHA-256 of the content differs from the one stored at the end: the bytes were damaged.</summary>
    ChecksumMismatch,

    /// <summary>Intact bytes that still do not form a valid model (e.g. an id listed twice).</summary>
    InconsistentContent,

    /// <summary>The file is larger than the configured ceiling for a model this process may load.</summary>
    TooLarge,

    /// <summary>Not a regular file (a FIFO, device or socket): reading one could block for ever.</summary>
    NotARegularFile,
}

/// <summary>
/// A model file was refused. <see cref="Problem"/> says which check failed; the message says what
/// was expected and what was found. Thrown instead of ever returning a partly loaded model.
/// An <see cref="IOException"/> (InvalidDataException is sealed and cannot be the base), so one
/// <c>catch (IOException)</c> covers a missing, unreadable or damaged model file alike.
/// </summary>
public sealed class ModelFileException : IOException
{
    public ModelFileException(ModelFileProblem problem, string path, string detail, Exception? inner = null)
        : base($"model file '{path}' refused ({problem}): {detail}", inner)
    {
        Problem = problem;
        Path = path;
    }

    public ModelFileProblem Problem { get; }

    /// <summary>The file that was refused.</summary>
    public string Path { get; }
}
