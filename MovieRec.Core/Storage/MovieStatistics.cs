namespace MovieRec.Core.Storage;

/// <summary>
/// The live rating statistics of one movie, kept up to date by every rating write. The sum of
/// half-star values is exact in a double, so these equal a recount exactly.
/// </summary>
public readonly record struct MovieStatistics(int MovieId, int RatingCount, double RatingSum)
{
    /// <summary>The plain mean rating, or null when nobody has rated the movie.</summary>
    public double? Mean => RatingCount == 0 ? null : RatingSum / RatingCount;

    /// <summary>The mean pulled towards <paramref name="globalMean"/>; see <see cref="RatingDamping"/>.</summary>
    public double DampedMean(double globalMean) => RatingDamping.DampedMean(RatingSum, RatingCount, globalMean);
}
