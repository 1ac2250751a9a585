using MovieRec.Core.Ratings;

namespace MovieRec.Core.Storage;

/// <summary>
/// The "best rated" order: (sum + m * mu) / (count + m), a Bayesian average that treats every
/// movie as if it had m extra ratings at the global mean mu. A movie rated 5.0 by one person
/// then ranks below one rated 4.5 by hundreds.
/// </summary>
public static class RatingDamping
{
    /// <summary>m: how many ratings at the global mean each movie is assumed to start with.</summary>
    public const int PriorWeight = 10;

    /// <summary>mu for a store without ratings: the middle of the scale, so no movie is favoured.</summary>
    public const double EmptyStoreMean = (RatingValue.Min + RatingValue.Max) / 2;

    public static double DampedMean(double ratingSum, long ratingCount, double globalMean) =>
        (ratingSum + PriorWeight * globalMean) / (ratingCount + PriorWeight);

    /// <summary>mu from the totals of all movies' statistics.</summary>
    public static double GlobalMean(double totalSum, long totalCount) =>
        totalCount == 0 ? EmptyStoreMean : totalSum / totalCount;
}
