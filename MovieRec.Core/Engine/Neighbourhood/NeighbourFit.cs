using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// Fits the <see cref="NeighbourModel"/> from the training ratings and the fitted biases: the
/// similarity of movies i and j is the cosine of their residual columns (e_ui = r_ui - mu - b_u - b_i),
/// shrunk by how many people rated both (at least <see cref="MinimumCoRaters"/>),
///   s_ij = (sum_{u rated both} e_ui e_uj) / (|e_i| |e_j|) * n_ij / (n_ij + shrinkage),
/// and each movie keeps its most similar movies with s_ij > 0. One movie at a time: its raters'
/// rows are accumulated into a dense scratch row, so the work is sum over people of (ratings)^2
/// and the memory one row per thread, never the items x items matrix. Each sum is taken over the
/// raters in ascending order, so the similarities do not depend on the thread count.
/// </summary>
public static class NeighbourFit
{
    /// <summary>Movie pairs rated by fewer people than this are not neighbours.</summary>
    public const int MinimumCoRaters = 2;

    public static NeighbourModel Fit(RatingMatrix ratings, Biases biases, TrainerOptions options, CancellationToken cancel = default)
    {
        var job = new NeighbourFitJob(ratings, biases, options);
        job.RunOn(options.EffectiveThreads, cancel);
        return job.Model();
    }

    /// <summary>
    /// The hot loop of the fit (sum over people of their ratings squared, 61 million updates on
    /// ml-latest-small): for every rater u of the movie, with its residual e_ui, and every movie j
    /// u rated, sum j gains e_ui e_uj and count j one co-rater. The indices come from the matrix's
    /// own CSR arrays, so the loop reads them without bounds checks; it keeps no list of the movies
    /// touched (which made every update wait on the one before) — <see cref="Candidates"/> finds
    /// them by a vector scan instead.
    /// </summary>
    internal static void Accumulate(ReadOnlySpan<int> raters, ReadOnlySpan<float> raterResiduals, CsrRows byUser, float[] userResiduals,
        int[] counts, float[] sums)
    {
        ref int count0 = ref MemoryMarshal.GetArrayDataReference(counts);
        ref float sum0 = ref MemoryMarshal.GetArrayDataReference(sums);
        ref int column0 = ref MemoryMarshal.GetArrayDataReference(byUser.ColumnIndices);
        ref float residual0 = ref MemoryMarshal.GetArrayDataReference(userResiduals);
        var offsets = byUser.Offsets;
        for (int r = 0; r < raters.Length; r++)
        {
            float ei = raterResiduals[r];
            int u = raters[r];
            int end = offsets[u + 1];
            for (int n = offsets[u]; n < end; n++)
            {
                int j = Unsafe.Add(ref column0, n);
                Unsafe.Add(ref count0, j)++;
                Unsafe.Add(ref sum0, j) += ei * Unsafe.Add(ref residual0, n);
            }
        }
    }

    /// <summary>
    /// Turns movie i's accumulated sums into candidate keys (<see cref="BestNeighbours.Key"/>) in
    /// <c>scratch.Keys</c> and clears the sums and counts for the next movie; returns how many.
    /// Eight movies are checked at once: a pair needs two co-raters (one person in common says next
    /// to nothing, and is shrunk by 1 / (1 + shrinkage) anyway) and a positive sum (s_ij has the
    /// sum's sign), and only the movies that pass both get the exact similarity, so the scalar
    /// work and its unpredictable branches are for the ~18 % of co-rated movies that can be kept.
    /// </summary>
    internal static int Candidates(int i, double[] norms, double shrinkage, Scratch scratch)
    {
        var counts = scratch.Counts;
        var sums = scratch.Sums;
        var keys = scratch.Keys;
        ref int count0 = ref MemoryMarshal.GetArrayDataReference(counts);
        ref float sum0 = ref MemoryMarshal.GetArrayDataReference(sums);
        ref double norm0 = ref MemoryMarshal.GetArrayDataReference(norms);
        ref ulong key0 = ref MemoryMarshal.GetArrayDataReference(keys);
        var minimum = Vector256.Create(MinimumCoRaters - 1);
        double normI = norms[i];
        int candidates = 0;
        for (int block = 0; block < counts.Length; block += Vector256<int>.Count)
        {
            var blockCounts = Vector256.LoadUnsafe(ref count0, (nuint)block);
            if (blockCounts == Vector256<int>.Zero) continue;
            var blockSums = Vector256.LoadUnsafe(ref sum0, (nuint)block);
            var kept = Vector256.GreaterThan(blockCounts, minimum) & Vector256.GreaterThan(blockSums, Vector256<float>.Zero).AsInt32();
            uint lanes = kept.ExtractMostSignificantBits();
            Vector256<int>.Zero.StoreUnsafe(ref count0, (nuint)block);
            Vector256<float>.Zero.StoreUnsafe(ref sum0, (nuint)block);
            while (lanes != 0)
            {
                int lane = BitOperations.TrailingZeroCount(lanes);
                lanes &= lanes - 1;
                int j = block + lane;
                double norm = normI * Unsafe.Add(ref norm0, j);
                if (j == i || norm == 0) continue;
                int both = blockCounts.GetElement(lane);
                double s = blockSums.GetElement(lane) / norm * both / (both + shrinkage);
                if (!(s > 0)) continue;
                Unsafe.Add(ref key0, candidates++) = BestNeighbours.Key((float)s, j);
            }
        }
        return candidates;
    }

    /// <summary>One dense row of sums and co-rating counts (padded to whole vectors, the padding never touched) and the candidates' keys.</summary>
    internal sealed class Scratch(int items)
    {
        private static int Padded(int items) => (items + Vector256<int>.Count - 1) / Vector256<int>.Count * Vector256<int>.Count;
        public readonly int[] Counts = new int[Padded(items)];
        public readonly float[] Sums = new float[Padded(items)];
        public readonly ulong[] Keys = new ulong[Padded(items)];
    }
}
