using System.Text;
using CsvHelper;

namespace MovieRec.Core.Import;

/// <summary>links.csv: movieId,imdbId,tmdbId. The tmdbId is empty for movies TMDb does not know.</summary>
internal static class LinksCsvFile
{
    public const string Header = "movieId,imdbId,tmdbId";

    public static Dictionary<int, MovieLinks> Read(string path, ImportOptions options, ImportReport report)
    {
        var links = new Dictionary<int, MovieLinks>();
        var badLines = new BadLineHandler(Path.GetFileName(path), options, report);
        foreach (var row in CsvRows.Read(path, Header, badLines, options.Progress))
        {
            string? problem = Parse(row, out int movieId, out var link);
            if (problem is not null)
                badLines.Reject(row.LineNumber, problem);
            else
                links[movieId] = link;
        }
        return links;
    }

    private static string? Parse(CsvReader row, out int movieId, out MovieLinks link)
    {
        link = default;
        string? problem = FieldParser.PositiveId(row.GetSpan(0), "movieId", out movieId);
        if (problem is not null)
            return problem;

        ReadOnlySpan<byte> imdb = row.GetSpan(1).Trim(" "u8);
        if (imdb.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            return $"imdbId {FieldParser.Show(imdb)} is not a number";

        int? tmdbId = null;
        ReadOnlySpan<byte> tmdb = row.GetSpan(2);
        if (!DelimitedFields.IsBlank(tmdb))
        {
            problem = FieldParser.PositiveId(tmdb, "tmdbId", out int id);
            if (problem is not null)
                return problem;
            tmdbId = id;
        }
        link = new MovieLinks(imdb.IsEmpty ? null : Encoding.ASCII.GetString(imdb), tmdbId);
        return null;
    }
}
