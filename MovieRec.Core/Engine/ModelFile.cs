using MovieRec.Core.Engine.ModelFormat;

namespace MovieRec.Core.Engine;

/// <summary>
/// Saves and loads <see cref="ModelSnapshot"/>s as versioned binary files (layout, checksum and
/// compatibility rule in docs/MODEL_FORMAT.md).
///
/// Writing is atomic: readers of <c>path</c> see the previous file or the complete new one.
/// Reading never returns a partly loaded or damaged model: any file that fails a check raises
/// <see cref="ModelFileException"/>, whose <see cref="ModelFileException.Problem"/> says which check.
/// A missing or unreadable file raises the usual <see cref="IOException"/> /
/// <see cref="UnauthorizedAccessException"/>, since that is not a problem of the file's content.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version this code writes, and the only one it reads.</summary>
    public const uint CurrentVersion = ModelFileLayout.Version;

    /// <summary>
    /// Writes the model to <paramref name="path"/>, replacing any file there atomically. The model is
    /// validated first; on any failure the previous file is left as it was and no temporary file remains.
    /// </summary>
    /// <exception cref="InvalidDataException">The model's parts do not fit together.</exception>
    public static void Write(ModelSnapshot model, string path) => Write(model, path, wrapOutput: static file => file);

    /// <summary>The same as <see cref="Write(ModelSnapshot, string)"/>, with a stream in between for failure tests.</summary>
    internal static void Write(ModelSnapshot model, string path, Func<Stream, Stream> wrapOutput)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ModelFileLayout.RequireLittleEndianHost();
        model.Validate();
        if (model.Options is null || model.Facts is null)
            throw new ArgumentException("a model needs its trainer options and training facts to be saved", nameof(model));

        // Prepared before the temporary file exists, so a header problem cannot leave anything behind.
        byte[] headerJson = ModelHeaderJson.Serialize(new ModelHeader(model.Options, model.Facts));
        if (headerJson.Length > ModelFileLayout.MaxHeaderJsonBytes)
            throw new ArgumentException(
                $"the options and facts serialize to {headerJson.Length} bytes; the format allows {ModelFileLayout.MaxHeaderJsonBytes}",
                nameof(model));

        AtomicFile.Replace(path, output => ModelFileWriter.Write(output, model, headerJson), wrapOutput);
    }

    /// <summary>Loads a model, checking every length and the checksum; see <see cref="Read(string, out ModelFileInfo)"/>.</summary>
    /// <exception cref="ModelFileException">The file is not an intact model file of the current version.</exception>
    public static ModelSnapshot Read(string path) => Read(path, out _);

    /// <summary>
    /// Loads a model and describes the file it came from; <paramref name="info"/> carries the verified
    /// checksum (<see cref="ModelFileInfo.ChecksumVerified"/> is true) for display.
    /// </summary>
    /// <exception cref="ModelFileException">The file is not an intact model file of the current version.</exception>
    public static ModelSnapshot Read(string path, out ModelFileInfo info) => Read(path, long.MaxValue, out info);

    /// <summary>
    /// The same, refusing (<see cref="ModelFileProblem.TooLarge"/>) a file over <paramref name="maxFileBytes"/>
    /// before anything large is allocated: the ceiling a server sets from its memory.
    /// </summary>
    public static ModelSnapshot Read(string path, long maxFileBytes, out ModelFileInfo info)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ModelFileLayout.RequireLittleEndianHost();
        using var reader = ModelFileReader.Open(Path.GetFullPath(path), maxFileBytes);
        var (model, header, checksum) = reader.ReadModel();
        info = Describe(reader, header, checksum, checksumVerified: true);
        return model;
    }

    /// <summary>
    /// Reads the header and the stored checksum without loading the arrays. The magic, version, shape
    /// and exact file size are always checked. By default the content is not hashed, so this costs a
    /// few kilobytes of reading whatever the model's size, and a damaged array goes unnoticed until
    /// <see cref="Read(string)"/>; pass <paramref name="verifyChecksum"/> to hash the whole file
    /// (streaming, without allocating the arrays).
    /// </summary>
    /// <exception cref="ModelFileException">A check failed.</exception>
    public static ModelFileInfo ReadInfo(string path, bool verifyChecksum = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = ModelFileReader.Open(Path.GetFullPath(path));
        string checksum = verifyChecksum ? reader.VerifyChecksumWithoutArrays() : reader.ReadStoredChecksum();
        return Describe(reader, reader.ParseHeader(), checksum, verifyChecksum);
    }

    private static ModelFileInfo Describe(ModelFileReader reader, ModelHeader header, string checksum, bool checksumVerified) => new()
    {
        Path = reader.Path,
        Version = reader.Version,
        Checksum = checksum,
        ChecksumVerified = checksumVerified,
        SizeBytes = reader.SizeBytes,
        UserCount = reader.Shape.Users,
        ItemCount = reader.Shape.Items,
        Rank = reader.Shape.Rank,
        HasImplicitItemFactors = reader.Shape.HasImplicitItemFactors,
        HasRanking = reader.Shape.HasRanking,
        RankingRank = reader.Shape.RankingRank,
        Options = header.Options,
        Facts = header.Facts,
    };
}
