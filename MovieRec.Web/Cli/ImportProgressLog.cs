using MovieRec.Core.Import;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>Import progress as log lines, at most one every 64K rows (the importer's own pace).</summary>
public sealed class ImportProgressLog : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) =>
        Log.Information("Reading {File}: {Rows} rows, {Percent:F0} %", value.File, value.Rows,
            value.TotalBytes > 0 ? 100.0 * value.BytesRead / value.TotalBytes : 100);
}
