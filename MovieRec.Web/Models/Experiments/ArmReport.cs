using MovieRec.Core.Storage;

namespace MovieRec.Web.Models.Experiments;

/// <summary>A share or a mean with its 95 % confidence interval.</summary>
public readonly record struct Estimate(double Value, double Low, double High)
{
    public bool IsKnown => double.IsFinite(Value);
}

/// <summary>
/// One arm's counts turned into the figures the admin page compares: the share of picks opened and
/// of picks rated (Wilson score intervals, sound for small counts and shares near 0), and the mean
/// rating of rated picks (normal interval from the sample variance). The one owner of these formulas.
/// </summary>
public sealed record ArmReport(ArmCounts Counts)
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z = 1.959963984540054;

    public Estimate OpenedShare => Wilson(Counts.Opened, Counts.Impressions);

    public Estimate RatedShare => Wilson(Counts.Rated, Counts.Impressions);

    public Estimate MeanRating
    {
        get
        {
            long n = Counts.Rated;
            if (n == 0) return new Estimate(double.NaN, double.NaN, double.NaN);
            double mean = Counts.RatingSum / n;
            if (n == 1) return new Estimate(mean, double.NaN, double.NaN);
            double variance = Math.Max(0, (Counts.RatingSquares - n * mean * mean) / (n - 1));
            double half = Z * Math.Sqrt(variance / n);
            return new Estimate(mean, mean - half, mean + half);
        }
    }

    /// <summary>The Wilson score interval of successes out of trials; NaN with no trials.</summary>
    public static Estimate Wilson(long successes, long trials)
    {
        if (trials <= 0) return new Estimate(double.NaN, double.NaN, double.NaN);
        double n = trials, p = successes / n, z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
