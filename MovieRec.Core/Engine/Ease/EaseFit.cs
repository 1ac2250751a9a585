using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine.Ease;

/// <summary>
/// Fits <see cref="EaseModel"/> on the <see cref="TrainerOptions.EaseItems"/> most-rated movies
/// (ties to the smaller movie id): G = X^T X over "rated or not" restricted to them, then
/// P = (G + lambda I)^-1 by Cholesky and B_ab = -P_ab / P_bb, B_aa = 0 (the closed form of Steck 2019).
/// Cost: sum over people of (their ratings in the set)^2 / 2 for G, about 2 N^3 / 3 for the inverse
/// (<see cref="SymmetricInverse"/>; N = 1,000: 670 M multiply-adds); memory 2 N^2 doubles while fitting.
/// </summary>
public static class EaseFit
{
    public static EaseModel Fit(RatingMatrix ratings, int count, double lambda, int threads = 1, CancellationToken cancel = default)
    {
        int items = ratings.Items.Count;
        var set = MostRated(ratings, Math.Min(count, items));
        int n = set.Length;
        var model = new EaseModel(set, [], items, checkShape: false);
        var gram = new double[n * n];
        var positions = new int[n];
        for (int u = 0; u < ratings.ByUser.RowCount; u++)
        {
            int rated = 0;
            foreach (int item in ratings.ByUser.Columns(u))
                if (model.PositionOf(item) is var a and >= 0) positions[rated++] = a;
            // Lower triangle only (b <= a), mirrored below: in ascending order the b <= a are the
            // positions up to a's own, so the inner loop has no test.
            var inSet = positions.AsSpan(0, rated);
            inSet.Sort();
            for (int k = 0; k < inSet.Length; k++)
            {
                var row = gram.AsSpan(inSet[k] * n, n);
                foreach (int b in inSet[..(k + 1)]) row[b] += 1;
            }
        }
        cancel.ThrowIfCancellationRequested();
        VectorMath.MirrorLowerTriangle(gram, n);
        VectorMath.AddToDiagonal(gram, n, lambda);

        var inverse = SymmetricInverse(gram, n, threads);

        var weights = new float[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                weights[a * n + b] = a == b ? 0 : (float)(-inverse[a * n + b] / inverse[b * n + b]);
        return new EaseModel(set, weights, items);
    }

    /// <summary>
    /// P = A^-1 of a symmetric positive definite A (row-major, overwritten), by its Cholesky factor
    /// A = U^T U (<see cref="Cholesky.FactorUpper"/>), W = U^-1 by back substitution one row at a
    /// time (row i of W combines the rows below it), then P = W W^T, each entry a dot product of two
    /// contiguous row tails: about 2 N^3 / 3 multiply-adds in vector loops, where MathNet's managed
    /// solve against the identity costs 7 N^3 / 3 in scalar ones. The last step runs on
    /// <paramref name="threads"/> threads; every entry's sum is in a fixed order, so the result does
    /// not depend on their number.
    /// </summary>
    internal static double[] SymmetricInverse(double[] matrix, int n, int threads)
    {
        Cholesky.FactorUpper(matrix, n);
        var w = new double[n * n];
        for (int i = n - 1; i >= 0; i--)
        {
            var row = w.AsSpan(i * n, n);
            double diagonal = matrix[i * n + i];
            for (int k = i + 1; k < n; k++)
            {
                double u = matrix[i * n + k];
                if (u != 0) VectorMath.AddScaled(row[k..], u, w.AsSpan(k * n + k, n - k));
            }
            for (int j = i + 1; j < n; j++) row[j] = -row[j] / diagonal;
            row[i] = 1 / diagonal;
        }
        var inverse = new double[n * n];
        ParallelRows.For(n, Math.Max(1, threads), () => 0, (a, _) =>
        {
            for (int b = 0; b <= a; b++)
                inverse[a * n + b] = inverse[b * n + a] = VectorMath.Dot(w.AsSpan(a * n + a, n - a), w.AsSpan(b * n + a, n - a));
        });
        return inverse;
    }

    /// <summary>The dense indices of the <paramref name="count"/> movies with the most ratings, ties to the smaller movie id.</summary>
    internal static int[] MostRated(RatingMatrix ratings, int count) =>
        Enumerable.Range(0, ratings.Items.Count)
            .OrderByDescending(i => ratings.ByItem.RowLength(i))
            .ThenBy(i => ratings.Items.IdOf(i))
            .Take(count)
            .ToArray();
}
