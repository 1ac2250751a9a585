using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine.Ease;

/// <summary>
/// Fits <see cref="EaseModel"/> on the <see cref="TrainerOptions.EaseItems"/> most-rated movies
/// (ties to the smaller movie id): G = X^T X over "rated or not" restricted to them, then
/// P = (G + lambda I)^-1 (<see cref="SymmetricInverse"/>) and B_ab = -P_ab / P_bb, B_aa = 0 (the
/// closed form of Steck 2019). Cost: sum over people of (their ratings in the set)^2 / 2 for G, about
/// N^3 / 2 multiply-adds for the inverse (N = 1,000: 500 M); memory 3 N^2 doubles while fitting.
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
            // Upper triangle only (b >= a), all the inverse reads: in ascending order the b >= a
            // are the positions from a's own on, so the inner loop has no test.
            var inSet = positions.AsSpan(0, rated);
            inSet.Sort();
            for (int k = 0; k < inSet.Length; k++)
            {
                var row = gram.AsSpan(inSet[k] * n, n);
                foreach (int b in inSet[k..]) row[b] += 1;
            }
        }
        cancel.ThrowIfCancellationRequested();
        VectorMath.AddToDiagonal(gram, n, lambda);

        var inverse = SymmetricInverse.Invert(gram, n, threads);

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
