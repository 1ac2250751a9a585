using MathNet.Numerics.Providers.LinearAlgebra;

namespace MovieRec.Core.Engine.Ease;

/// <summary>
/// Fits <see cref="EaseModel"/> on the <see cref="TrainerOptions.EaseItems"/> most-rated movies
/// (ties to the smaller movie id): G = X^T X over "rated or not" restricted to them, then
/// P = (G + lambda I)^-1 by Cholesky and B_ab = -P_ab / P_bb, B_aa = 0 (the closed form of Steck 2019).
/// Cost: sum over people of (their ratings in the set)^2 / 2 for G, N^3 / 2 for the inverse
/// (N = 500: 60 M multiply-adds); memory N^2 doubles while fitting.
/// </summary>
public static class EaseFit
{
    public static EaseModel Fit(RatingMatrix ratings, int count, double lambda, CancellationToken cancel = default)
    {
        int items = ratings.Items.Count;
        var set = MostRated(ratings, Math.Min(count, items));
        int n = set.Length;
        var model = new EaseModel(set, [], items, checkShape: false);
        var gram = new double[n * n];
        var positions = new List<int>();
        for (int u = 0; u < ratings.ByUser.RowCount; u++)
        {
            positions.Clear();
            foreach (int item in ratings.ByUser.Columns(u))
                if (model.PositionOf(item) is var a and >= 0) positions.Add(a);
            // Lower triangle only (a >= b); mirrored below.
            foreach (int a in positions)
            {
                var row = gram.AsSpan(a * n, n);
                foreach (int b in positions)
                    if (b <= a) row[b] += 1;
            }
        }
        cancel.ThrowIfCancellationRequested();
        Numerics.VectorMath.MirrorLowerTriangle(gram, n);
        Numerics.VectorMath.AddToDiagonal(gram, n, lambda);

        var inverse = new double[n * n];
        Numerics.VectorMath.AddToDiagonal(inverse, n, 1);
        if (n > 0)
        {
            var provider = LinearAlgebraControl.Provider;
            provider.CholeskyFactor(gram, n);
            provider.CholeskySolveFactored(gram, n, inverse, n); // P, symmetric: storage order does not matter
        }

        var weights = new float[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                weights[a * n + b] = a == b ? 0 : (float)(-inverse[a * n + b] / inverse[b * n + b]);
        return new EaseModel(set, weights, items);
    }

    /// <summary>The dense indices of the <paramref name="count"/> movies with the most ratings, ties to the smaller movie id.</summary>
    internal static int[] MostRated(RatingMatrix ratings, int count) =>
        Enumerable.Range(0, ratings.Items.Count)
            .OrderByDescending(i => ratings.ByItem.RowLength(i))
            .ThenBy(i => ratings.Items.IdOf(i))
            .Take(count)
            .ToArray();
}
