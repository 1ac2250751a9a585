using MovieRec.Core.Import;

namespace MovieRec.Web.Cli.Progress;

/// <summary>The importers' progress reports on a board: one task per file, in bytes, with the rows read so far.</summary>
public sealed class ImportProgressBoard(IProgressBoard board) : IProgress<ImportProgress>
{
    private readonly Dictionary<string, IProgressTask> _files = new();

    public void Report(ImportProgress value)
    {
        lock (_files)
        {
            if (!_files.TryGetValue(value.File, out var task))
                _files[value.File] = task = board.Add($"reading {value.File}", Math.Max(value.TotalBytes, 1), "B");
            task.Report(value.TotalBytes > 0 ? value.BytesRead : 1, $"{value.Rows:N0} rows");
        }
    }
}
