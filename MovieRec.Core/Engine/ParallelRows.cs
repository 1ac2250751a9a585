using System.Collections.Concurrent;

namespace MovieRec.Core.Engine;

/// <summary>
/// Runs one independent job per row (a user or an item solve) over a fixed number of threads,
/// with per-thread scratch. Each row's result depends only on its inputs, never on which thread
/// or in which order it ran: that is what makes training independent of the thread count.
/// </summary>
internal static class ParallelRows
{
    /// <param name="minimumChunk">Fewest rows handed to a thread at once: 1 where each "row" is already a block of work.</param>
    /// <param name="releaseScratch">Hears each scratch when its thread is done with it (to keep it for the next call).</param>
    public static void For<TScratch>(int count, int threads, Func<TScratch> createScratch, Action<int, TScratch> body,
        int minimumChunk = 8, Action<TScratch>? releaseScratch = null)
    {
        if (count == 0) return;
        if (threads <= 1)
        {
            var scratch = createScratch();
            for (int row = 0; row < count; row++) body(row, scratch);
            releaseScratch?.Invoke(scratch);
            return;
        }
        // Small chunks balance the skew of rating counts (a few rows hold most ratings).
        int chunk = Math.Max(minimumChunk, count / (threads * 16));
        Parallel.ForEach(
            Partitioner.Create(0, count, chunk),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            createScratch,
            (range, _, scratch) =>
            {
                for (int row = range.Item1; row < range.Item2; row++) body(row, scratch);
                return scratch;
            },
            scratch => releaseScratch?.Invoke(scratch));
    }

    /// <summary>
    /// As above, with each thread's scratch taken from <paramref name="pool"/> and given back:
    /// the row solvers of a fit keep the buffers they grew (megabytes for the longest rows)
    /// from one half-step to the next instead of growing them anew for the collector to clear.
    /// </summary>
    public static void For<TScratch>(int count, int threads, ScratchPool<TScratch> pool, Action<int, TScratch> body) where TScratch : class =>
        For(count, threads, pool.Take, body, releaseScratch: pool.Return);

    /// <summary>Sums a per-row quantity in parallel; the sum is taken in row order, so it is exact to the bit across thread counts.</summary>
    public static double Sum(int count, int threads, Func<int, double> term)
    {
        var terms = new double[count];
        For(count, threads, () => 0, (row, _) => terms[row] = term(row));
        double sum = 0;
        foreach (double t in terms) sum += t;
        return sum;
    }
}
