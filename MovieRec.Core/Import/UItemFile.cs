using System.Text;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Import;

/// <summary>
/// ml-100k's u.item (ISO-8859-1): movie id | title | release date | video release date | IMDb URL | 19 genre flags.
/// The IMDb URL is a title search, not an id, so it is not kept. A title without "(yyyy)" takes the year of
/// its release date ("01-Jan-1995").
/// </summary>
internal static class UItemFile
{
    /// <summary>The genres of the 19 flags, in file order (u.genre). "unknown" is a placeholder, not a genre.</summary>
    private static readonly string?[] FlagGenres =
    [
        null, "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    private const int FirstFlag = 5;
    private const int FieldCount = FirstFlag + 19;

    private static ReadOnlySpan<byte> Separator => "|"u8;

    public static IEnumerable<Movie> Read(string path, ImportOptions options, ImportReport report) =>
        ParsedLines.ReadDetectingEncoding<Movie>(path, Parse, options, report);

    private static string? Parse(ReadOnlySpan<byte> line, Encoding encoding, out Movie movie)
    {
        movie = null!;
        Span<Range> fields = stackalloc Range[FieldCount];
        int found = DelimitedFields.Split(line, Separator, fields);
        if (found != FieldCount)
            return DelimitedFields.CountProblem(FieldCount, found, Separator);
        string? problem = FieldParser.PositiveId(line[fields[0]], "movieId", out int movieId);
        if (problem is not null)
            return problem;

        var genres = new List<string>();
        for (int flag = 0; flag < FlagGenres.Length; flag++)
        {
            ReadOnlySpan<byte> value = line[fields[FirstFlag + flag]].Trim(" "u8);
            if (value.SequenceEqual("1"u8))
            {
                if (FlagGenres[flag] is { } genre)
                    genres.Add(genre);
            }
            else if (!value.SequenceEqual("0"u8))
            {
                return $"genre flag {FieldParser.Show(value)} for {FlagGenres[flag] ?? "unknown"} is not 0 or 1";
            }
        }
        int? releaseYear = MovieTitle.YearOfReleaseDate(encoding.GetString(line[fields[2]]));
        return MovieFields.Create(movieId, encoding.GetString(line[fields[1]]), genres, releaseYear, out movie);
    }
}
