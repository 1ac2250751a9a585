using MovieRec.Core.Benchmarks;

namespace MovieRec.Tests.Benchmarks;

public class LatencySummaryTests
{
    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        // 1..100 ms: p50 is the 50th value, p99 the 99th, max the 100th.
        var timings = Enumerable.Range(1, 100).Select(n => (double)n).Reverse().ToArray();
        var summary = LatencySummary.Of(timings);
        Assert.Equal(50, summary.P50Ms);
        Assert.Equal(99, summary.P99Ms);
        Assert.Equal(100, summary.MaxMs);
    }

    [Fact]
    public void A_single_timing_is_every_percentile()
    {
        var summary = LatencySummary.Of([2.5]);
        Assert.Equal(new LatencySummary(2.5, 2.5, 2.5), summary);
    }

    [Fact]
    public void No_timings_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => LatencySummary.Of([]));
    }
}
