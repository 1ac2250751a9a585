using CsvHelper;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Import;

/// <summary>movies.csv of the MovieLens CSV datasets: movieId,title,genres, titles quoted when they contain commas.</summary>
internal static class MoviesCsvFile
{
    public const string Header = "movieId,title,genres";

    public static IEnumerable<Movie> Read(string path, ImportOptions options, ImportReport report)
    {
        var badLines = new BadLineHandler(Path.GetFileName(path), options, report);
        foreach (var row in CsvRows.Read(path, Header, badLines, options.Progress))
        {
            string? problem = Parse(row, out var movie);
            if (problem is not null)
            {
                badLines.Reject(row.LineNumber, problem);
                continue;
            }
            yield return movie;
        }
    }

    private static string? Parse(CsvReader row, out Movie movie)
    {
        movie = null!;
        string? problem = FieldParser.PositiveId(row.GetSpan(0), "movieId", out int movieId);
        if (problem is not null)
            return problem;
        return MovieFields.Create(movieId, row.GetString(1) ?? "", GenreList.Parse(row.GetString(2) ?? ""), fallbackYear: null, out movie);
    }
}
