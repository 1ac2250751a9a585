using CsvHelper;

namespace MovieRec.Core.Import;

/// <summary>tags.csv: userId,movieId,tag,timestamp, one line per tag a user gave a movie.</summary>
internal static class TagsCsvFile
{
    public const string Header = "userId,movieId,tag,timestamp";

    public static MovieTagCollector Read(string path, ImportOptions options, ImportReport report)
    {
        var tags = new MovieTagCollector();
        var badLines = new BadLineHandler(Path.GetFileName(path), options, report);
        foreach (var row in CsvRows.Read(path, Header, badLines, options.Progress))
        {
            string? problem = Parse(row, tags);
            if (problem is not null)
                badLines.Reject(row.LineNumber, problem);
        }
        return tags;
    }

    private static string? Parse(CsvReader row, MovieTagCollector tags)
    {
        string? problem = FieldParser.PositiveId(row.GetSpan(0), "userId", out _);
        if (problem is not null)
            return problem;
        problem = FieldParser.PositiveId(row.GetSpan(1), "movieId", out int movieId);
        if (problem is not null)
            return problem;
        problem = FieldParser.WholeNumber64(row.GetSpan(3), "timestamp", out _);
        if (problem is not null)
            return problem;
        tags.Add(movieId, row.GetString(2) ?? "");
        return null;
    }
}
