using MovieRec.Core.Catalog;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// Neighbours by what a movie is about, for movies the model has no factors for (added after the
/// last training, or never rated): Jaccard similarity of the genre sets plus half the Jaccard
/// similarity of the tag sets (tags are sparser and noisier than genres, so they weigh less).
/// </summary>
public static class ContentSimilarity
{
    public const double TagWeight = 0.5;

    public static double Score(Movie a, Movie b) =>
        Jaccard(a.Genres, b.Genres) + TagWeight * Jaccard(a.Tags, b.Tags);

    /// <summary>The n candidates most like <paramref name="target"/> (never itself), best first, ties to the smaller movieId.</summary>
    public static IReadOnlyList<(Movie Movie, double Score)> MostSimilar(Movie target, IEnumerable<Movie> candidates, int n) =>
        candidates
            .Where(c => c.MovieId != target.MovieId)
            .Select(c => (Movie: c, Score: Score(target, c)))
            .Where(pair => pair.Score > 0)
            .OrderByDescending(pair => pair.Score)
            .ThenBy(pair => pair.Movie.MovieId)
            .Take(Math.Max(0, n))
            .ToList();

    /// <summary>|A n B| / |A u B|, case-insensitive; 0 when both are empty (nothing in common to speak of).</summary>
    public static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var setA = new HashSet<string>(a, StringComparer.OrdinalIgnoreCase);
        var setB = new HashSet<string>(b, StringComparer.OrdinalIgnoreCase);
        int common = setA.Count(setB.Contains);
        return (double)common / (setA.Count + setB.Count - common);
    }
}
