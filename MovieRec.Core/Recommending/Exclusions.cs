namespace MovieRec.Core.Recommending;

/// <summary>
/// Movies a person must not be offered. Today that is what they rated; hidden movies and the
/// watch-list join the same set (<see cref="With"/>) so that picks and the popular fallback apply
/// every exclusion the same way.
/// </summary>
public sealed class Exclusions
{
    private readonly HashSet<int> _movieIds;

    private Exclusions(HashSet<int> movieIds) => _movieIds = movieIds;

    public static Exclusions None { get; } = new([]);

    /// <summary>The movies of these ratings.</summary>
    public static Exclusions Rated(IEnumerable<PersonRating> ratings)
    {
        // Sized once: grown one resize at a time, a heavy rater's set left several discarded tables per request.
        var movieIds = new HashSet<int>(ratings.TryGetNonEnumeratedCount(out int count) ? count : 0);
        foreach (var rating in ratings) movieIds.Add(rating.MovieId);
        return new(movieIds);
    }

    /// <summary>These exclusions plus more movie ids (hidden, on the watch-list, ...); these same exclusions when there are none more.</summary>
    public Exclusions With(IEnumerable<int> movieIds)
    {
        if (movieIds.TryGetNonEnumeratedCount(out int more) && more == 0) return this;
        var all = new HashSet<int>(_movieIds);
        all.UnionWith(movieIds);
        return new Exclusions(all);
    }

    public IReadOnlySet<int> MovieIds => _movieIds;

    public int Count => _movieIds.Count;

    public bool Contains(int movieId) => _movieIds.Contains(movieId);
}
