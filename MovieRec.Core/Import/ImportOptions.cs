namespace MovieRec.Core.Import;

/// <summary>How an import treats bad lines and whom it tells about its progress.</summary>
public sealed class ImportOptions
{
    /// <summary>The options used when a caller passes none: stop at the first bad line, report nothing. Never handed out, so never changed.</summary>
    internal static readonly ImportOptions Default = new();

    /// <summary>
    /// When false (the default) the first bad line throws a <see cref="DatasetFormatException"/>;
    /// when true bad lines are skipped and counted in the <see cref="ImportReport"/>.
    /// A missing or wrong CSV header is always an error: nothing after it could be trusted.
    /// </summary>
    public bool SkipBadLines { get; set; }

    /// <summary>Told about each file's progress every 65,536 rows and once when the file ends.</summary>
    public IProgress<ImportProgress>? Progress { get; set; }
}
