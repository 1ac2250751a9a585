namespace MovieRec.Core.Recommending;

/// <summary>
/// What a person is offered when there are no personal picks (no model yet, or nothing rated):
/// the most popular movies, in the order given, without anything they rated or excluded.
/// </summary>
public static class PopularFallback
{
    /// <summary>The first <paramref name="n"/> of <paramref name="mostPopularFirst"/> that are not excluded.</summary>
    public static IReadOnlyList<T> Choose<T>(IEnumerable<T> mostPopularFirst, Func<T, int> movieId, Exclusions exclusions, int n) =>
        mostPopularFirst.Where(item => !exclusions.Contains(movieId(item))).Take(Math.Max(0, n)).ToList();

    /// <summary>How many of the most popular movies to read so that n remain after the exclusions.</summary>
    public static int CandidatesNeeded(int n, Exclusions exclusions) => n + exclusions.Count;
}
