namespace MovieRec.Core.Benchmarks;

/// <summary>p50 / p99 / max of a set of timings, by the nearest-rank definition.</summary>
public readonly record struct LatencySummary(double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0) throw new ArgumentException("no timings to summarise");
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>The smallest value with at least the share p of values at or below it.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public object ToJson() => new { p50_ms = P50Ms, p99_ms = P99Ms, max_ms = MaxMs };
}
