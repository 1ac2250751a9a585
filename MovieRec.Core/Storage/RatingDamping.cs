using MovieRec.Core.Ratings;

namespace MovieRec.Core.Storage;

/// <summary>
/// The "best rated" order: (sum + m * mu) / (count + m), a Bayesian average that treats every
/// movie as if it had m extra ratings at the global mean mu. A movie rated 5.0 by one person
/// then ranks below one rated 4.5 by hundreds.
/// <para>
/// The stores keep each movie's damped mean as an indexed sort key, computed against a stored
/// reference mean instead of the live one (whose change by any rating anywhere would move every
/// key): a rating write updates its movie's key, and the reference is refreshed (every key
/// rewritten in one statement) when the live mean has moved by more than <see cref="ReferenceDrift"/>,
/// and by a reconcile. Pages are ordered by the key and show means computed against the same
/// reference, so the order and the figures agree.
/// </para>
/// </summary>
public static class RatingDamping
{
    /// <summary>m: how many ratings at the global mean each movie is assumed to start with.</summary>
    public const int PriorWeight = 10;

    /// <summary>mu for a store without ratings: the middle of the scale, so no movie is favoured.</summary>
    public const double EmptyStoreMean = (RatingValue.Min + RatingValue.Max) / 2;

    /// <summary>
    /// How far the live global mean may move from the stored reference before every key is
    /// recomputed: a hundredth of a star moves a key by at most 10/(count + 10) of that.
    /// </summary>
    public const double ReferenceDrift = 0.01;

    public static double DampedMean(double ratingSum, long ratingCount, double globalMean) =>
        (ratingSum + PriorWeight * globalMean) / (ratingCount + PriorWeight);

    /// <summary>mu from the totals of all movies' statistics.</summary>
    public static double GlobalMean(double totalSum, long totalCount) =>
        totalCount == 0 ? EmptyStoreMean : totalSum / totalCount;

    /// <summary>True when the stored reference (null: none yet) must be refreshed to <paramref name="liveMean"/>.</summary>
    public static bool ReferenceIsStale(double? reference, double liveMean) =>
        reference is not { } stored || Math.Abs(liveMean - stored) > ReferenceDrift;
}
