namespace MovieRec.Core.Import;

/// <summary>
/// The one place that decides what a bad line does: throw (the default, so that damaged data is noticed)
/// or be counted and skipped.
/// </summary>
internal sealed class BadLineHandler(string fileName, ImportOptions options, ImportReport report)
{
    public string FileName => fileName;

    public void Reject(long lineNumber, string reason)
    {
        var problem = new DatasetFormatException(fileName, lineNumber, reason);
        if (!options.SkipBadLines)
            throw problem;
        report.RecordSkipped(problem);
    }
}
