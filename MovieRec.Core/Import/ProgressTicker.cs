namespace MovieRec.Core.Import;

/// <summary>
/// Counts the rows of one file and reports every <see cref="RowsPerReport"/> of them, so that a caller
/// sees progress on an 877 MB file without the reader paying for a report per row.
/// </summary>
internal sealed class ProgressTicker(string fileName, long totalBytes, IProgress<ImportProgress>? progress)
{
    /// <summary>A power of two, so the check per row is a mask rather than a division.</summary>
    public const int RowsPerReport = 1 << 16;

    public long Rows { get; private set; }

    public void RowRead(long bytesRead)
    {
        Rows++;
        if (progress is not null && (Rows & (RowsPerReport - 1)) == 0)
            progress.Report(new ImportProgress(fileName, bytesRead, totalBytes, Rows));
    }

    public void Finished(long bytesRead) => progress?.Report(new ImportProgress(fileName, bytesRead, totalBytes, Rows));
}
