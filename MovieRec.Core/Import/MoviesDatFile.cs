using System.Text;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Import;

/// <summary>movies.dat of ml-1m (ISO-8859-1) and ml-10m (UTF-8): MovieID::Title::Genres.</summary>
internal static class MoviesDatFile
{
    private static ReadOnlySpan<byte> Separator => "::"u8;

    public static IEnumerable<Movie> Read(string path, ImportOptions options, ImportReport report) =>
        ParsedLines.ReadDetectingEncoding<Movie>(path, Parse, options, report);

    private static string? Parse(ReadOnlySpan<byte> line, Encoding encoding, out Movie movie)
    {
        movie = null!;
        Span<Range> fields = stackalloc Range[3];
        int found = DelimitedFields.Split(line, Separator, fields);
        if (found != fields.Length)
            return DelimitedFields.CountProblem(fields.Length, found, Separator);
        string? problem = FieldParser.PositiveId(line[fields[0]], "movieId", out int movieId);
        if (problem is not null)
            return problem;
        return MovieFields.Create(movieId, encoding.GetString(line[fields[1]]), GenreList.Parse(encoding.GetString(line[fields[2]])), fallbackYear: null, out movie);
    }
}
