using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// Fits the <see cref="NeighbourModel"/> from the training ratings and the fitted biases: the
/// similarity of movies i and j is the cosine of their residual columns (e_ui = r_ui - mu - b_u - b_i),
/// shrunk by how many people rated both,
///   s_ij = (sum_{u rated both} e_ui e_uj) / (|e_i| |e_j|) * n_ij / (n_ij + shrinkage),
/// and each movie keeps its most similar movies with s_ij > 0. One movie at a time: its raters'
/// rows are accumulated into a dense scratch row, so the work is sum over people of (ratings)^2
/// and the memory one row per thread, never the items x items matrix.
/// </summary>
public static class NeighbourFit
{
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
            scratch.Clear();
            var raters = byItem.Columns(i);
            for (int r = 0; r < raters.Length; r++)
            {
                double ei = itemResiduals[byItem.Offsets[i] + r];
                int u = raters[r];
                for (int n = byUser.Offsets[u]; n < byUser.Offsets[u + 1]; n++)
                    scratch.Add(byUser.ColumnIndices[n], ei * userResiduals[n]);
            }
            int candidates = 0;
            foreach (int j in scratch.Touched)
            {
                double norm = norms[i] * norms[j];
                if (j == i || norm == 0) continue;
                int both = scratch.Count[j];
                double s = scratch.Sum[j] / norm * both / (both + options.NeighbourShrinkage);
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

    /// <summary>One dense row of sums and co-rating counts, with the list of entries touched so that clearing costs what was used.</summary>
    private sealed class Scratch(int items)
    {
        public readonly double[] Sum = new double[items];
        public readonly int[] Count = new int[items];
        public readonly List<int> Touched = new();
        public readonly int[] CandidateIds = new int[items];
        public readonly float[] CandidateScores = new float[items];

        public void Add(int j, double product)
        {
            if (Count[j]++ == 0) Touched.Add(j);
            Sum[j] += product;
        }

        public void Clear()
        {
            foreach (int j in Touched) { Sum[j] = 0; Count[j] = 0; }
            Touched.Clear();
        }
    }
}
