using MovieRec.Core.Catalog;

namespace MovieRec.Core.Import;

/// <summary>The checks every movies format shares, so that all of them reject the same things the same way.</summary>
internal static class MovieFields
{
    /// <summary>
    /// Builds the movie, or returns why it cannot be built. The title is trimmed: MovieLens has titles
    /// with trailing spaces that are not part of the name.
    /// </summary>
    public static string? Create(int movieId, string rawTitle, IReadOnlyList<string> genres, int? fallbackYear, out Movie movie)
    {
        movie = null!;
        string title = rawTitle.Trim();
        if (title.Length == 0)
            return "title is empty";
        movie = new Movie(movieId, title, MovieTitle.YearOf(title) ?? fallbackYear, genres);
        return null;
    }
}
