using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// Fits the <see cref="NeighbourModel"/> from the training ratings and the fitted biases: the
/// similarity of movies i and j is the cosine of their residual columns (e_ui = r_ui - mu - b_u - b_i),
/// shrunk by how many people rated both (at least <see cref="MinimumCoRaters"/>),
///   s_ij = (sum_{u rated both} e_ui e_uj) / (|e_i| |e_j|) * n_ij / (n_ij + shrinkage),
/// and each movie keeps its most similar movies with s_ij > 0. One movie at a time: its raters'
/// rows are accumulated into a dense scratch row, so the work is sum over people of (ratings)^2
/// and the memory one row per thread, never the items x items matrix.
/// </summary>
public static class NeighbourFit
{
    /// <summary>Movie pairs rated by fewer people than this are not neighbours.</summary>
    public const int MinimumCoRaters = 2;

    public static NeighbourModel Fit(RatingMatrix ratings, Biases biases, TrainerOptions options, CancellationToken cancel = default)
    {
        int items = ratings.Items.Count, perItem = Math.Min(options.NeighboursKept, Math.Max(0, items - 1));
        var byUser = ratings.ByUser;
        var byItem = ratings.ByItem;
        var userResiduals = BiasEstimator.Residuals(byUser, biases, rowsAreUsers: true);
        var itemResiduals = BiasEstimator.Residuals(byItem, biases, rowsAreUsers: false);
        var norms = new double[items];
        for (int i = 0; i < items; i++)
        {
            double sum = 0;
            for (int n = byItem.Offsets[i]; n < byItem.Offsets[i + 1]; n++) sum += (double)itemResiduals[n] * itemResiduals[n];
            norms[i] = Math.Sqrt(sum);
        }

        var neighbours = new int[(long)items * perItem];
        var similarities = new float[neighbours.Length];
        Array.Fill(neighbours, -1);
        ParallelRows.For(items, options.EffectiveThreads, () => new Scratch(items), (i, scratch) =>
        {
            if ((i & 255) == 0) cancel.ThrowIfCancellationRequested();
            var raters = byItem.Columns(i);
            var cells = scratch.Cells;
            var touched = scratch.Touched;
            int touchedCount = Accumulate(raters, itemResiduals.AsSpan(byItem.Offsets[i], raters.Length), byUser, userResiduals, cells, touched);
            int candidates = 0;
            for (int t = 0; t < touchedCount; t++)
            {
                int j = touched[t];
                var (sum, both) = (cells[j].Sum, cells[j].Count);
                cells[j] = default;
                double norm = norms[i] * norms[j];
                // One person in common says next to nothing (and is shrunk by 1 / (1 + shrinkage)
                // anyway); skipping those pairs spares most of the selection work.
                if (both < MinimumCoRaters || j == i || norm == 0) continue;
                double s = sum / norm * both / (both + options.NeighbourShrinkage);
                if (!(s > 0)) continue;
                scratch.CandidateIds[candidates] = j;
                scratch.CandidateScores[candidates++] = (float)s;
            }
            int kept = TopNSelector.SelectInto<float>(scratch.CandidateScores.AsSpan(0, candidates), scratch.CandidateIds.AsSpan(0, candidates),
                neighbours.AsSpan(i * perItem, perItem), similarities.AsSpan(i * perItem, perItem), NaNScores.Skip);
            // SelectInto writes the best `kept`; the rest of the row stays -1 / 0.
            for (int n = i * perItem + kept; n < (i + 1) * perItem; n++) { neighbours[n] = -1; similarities[n] = 0; }
        });
        var blend = new RatingBlend(options.BlendIntercept, options.BlendBaseline, options.BlendFactors, options.BlendNeighbours);
        return new NeighbourModel(perItem, options.NeighboursUsed, options.NeighbourDamping, neighbours, similarities, blend);
    }

    /// <summary>
    /// The hot loop of the fit (sum over people of their ratings squared, 61 million updates on
    /// ml-latest-small): for every rater u of the movie, with its residual e_ui, and every movie j
    /// u rated, cell j gains e_ui e_uj and one co-rater. One 8-byte cell per movie, so an update
    /// touches one cache line. The indices come from the matrix's own CSR arrays, so the loop reads
    /// them without bounds checks, and a movie is written to the touched list at every update but
    /// counted only at its first (no unpredictable branch). Returns how many movies were touched.
    /// </summary>
    private static int Accumulate(ReadOnlySpan<int> raters, ReadOnlySpan<float> raterResiduals, CsrRows byUser, float[] userResiduals,
        Cell[] cells, int[] touched)
    {
        ref Cell cell0 = ref MemoryMarshal.GetArrayDataReference(cells);
        ref int touched0 = ref MemoryMarshal.GetArrayDataReference(touched);
        ref int column0 = ref MemoryMarshal.GetArrayDataReference(byUser.ColumnIndices);
        ref float residual0 = ref MemoryMarshal.GetArrayDataReference(userResiduals);
        var offsets = byUser.Offsets;
        int touchedCount = 0;
        for (int r = 0; r < raters.Length; r++)
        {
            float ei = raterResiduals[r];
            int u = raters[r];
            int end = offsets[u + 1];
            for (int n = offsets[u]; n < end; n++)
            {
                int j = Unsafe.Add(ref column0, n);
                ref Cell cell = ref Unsafe.Add(ref cell0, j);
                Unsafe.Add(ref touched0, touchedCount) = j; // the list has room for one more than the movies
                touchedCount += cell.Count == 0 ? 1 : 0;
                cell.Count++;
                cell.Sum += ei * Unsafe.Add(ref residual0, n);
            }
        }
        return touchedCount;
    }

    /// <summary>One dense row of (sum, co-rating count) cells, and the movies touched, so that clearing costs what was used.</summary>
    private sealed class Scratch(int items)
    {
        public readonly Cell[] Cells = new Cell[items];
        public readonly int[] Touched = new int[items + 1];
        public readonly int[] CandidateIds = new int[items];
        public readonly float[] CandidateScores = new float[items];
    }

    private struct Cell
    {
        public float Sum;
        public int Count;
    }
}
