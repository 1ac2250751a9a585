using MovieRec.Core.Engine.Neighbourhood;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// Places a person the model has not seen (or whose ratings changed since training) in the model
/// from their ratings, by the very equations of the trainer's user step against the fixed item
/// side: the bias by the same shrinkage, w by the same ridge (centred at z_u with SVD++), x by the
/// same implicit solve. No retraining: one small solve per model.
/// </summary>
public static class FoldIn
{
    // Solvers keep scratch buffers; one per thread spares each request their allocation.
    [ThreadStatic] private static RidgeSolver? _ridge;
    [ThreadStatic] private static Dictionary<int, ImplicitRowSolver>? _implicitByRank;

    public static UserProfile Compute(ModelSnapshot model, IEnumerable<(int MovieId, double Rating)> ratings) =>
        Compute(model, ratings, withPickParts: true);

    /// <summary>
    /// The same profile without the parts only picks read (the ranking vector x and the EASE
    /// scores): what <see cref="Recommender.PredictRating"/> needs, at a fraction of the cost when
    /// every person of a held-out slice is folded in (<see cref="ServedHeldOutRmse"/>).
    /// </summary>
    public static UserProfile ComputeForRatings(ModelSnapshot model, IEnumerable<(int MovieId, double Rating)> ratings) =>
        Compute(model, ratings, withPickParts: false);

    private static UserProfile Compute(ModelSnapshot model, IEnumerable<(int MovieId, double Rating)> ratings, bool withPickParts)
    {
        var (items, values) = KnownItemsAscending(model, ratings);
        if (items.Length == 0) return UserProfile.Empty;
        var options = model.Options;

        double bias = BiasEstimator.UserBias<double>(items, values, model.Mu, model.ItemBias, options.BiasMode, options.UserBiasShrinkage);
        var residuals = new float[items.Length];
        for (int n = 0; n < items.Length; n++)
            residuals[n] = (float)(values[n] - model.Mu - bias - model.ItemBias[items[n]]);

        var w = new double[model.Rank];
        var centre = model.ImplicitItemFactors is { } y ? ImplicitOffset(y, items) : null;
        (_ridge ??= new RidgeSolver()).Solve(model.ItemFactors, items, residuals, ExplicitAls.RowLambda(options, items.Length), centre, w);

        double[]? x = null;
        if (withPickParts && model.Ranking is { } ranking)
        {
            x = new double[ranking.Rank];
            var confidenceMinusOne = values.Select(r => ImplicitAls.ConfidenceMinusOne(ranking.Alpha, options.RankingConfidenceExponent, r)).ToArray();
            double ridge = ImplicitAls.RowRidge(ranking.Lambda, options.RankingFrequencyExponent, items.Length, ranking.ItemFactors.Rows);
            ImplicitSolver(ranking.Rank).Solve(ranking.ItemFactors, ranking.ItemGram, ridge, items, confidenceMinusOne, x);
        }
        // The ridge solver only reads the residuals: the neighbourhood term reuses them as they are.
        var rated = model.Neighbours is null ? null : new RatedResiduals(items, residuals);
        var ease = withPickParts ? model.Ease?.Scores(items) : null;
        return new UserProfile(bias, w, x, items.Length, rated, ease);
    }

    /// <summary>
    /// The ratings of movies the model knows (others carry no factors) with a finite value, by dense
    /// item index ascending; of repeated movies the last rating wins. One sort instead of a sorted
    /// dictionary: a heavy rater has thousands of ratings, and this runs on every picks request.
    /// </summary>
    private static (int[] Items, double[] Values) KnownItemsAscending(ModelSnapshot model, IEnumerable<(int MovieId, double Rating)> ratings)
    {
        var keys = new List<long>();
        var given = new List<double>();
        foreach (var (movieId, rating) in ratings)
        {
            int item = model.Items.IndexOf(movieId);
            if (item < 0 || !double.IsFinite(rating)) continue;
            // Item in the high half, input position in the low half: sorting orders by item, then by arrival.
            keys.Add(((long)item << 32) | (uint)given.Count);
            given.Add(rating);
        }
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        var items = new List<int>(sorted.Length);
        var values = new List<double>(sorted.Length);
        for (int n = 0; n < sorted.Length; n++)
        {
            int item = (int)(sorted[n] >> 32);
            if (n + 1 < sorted.Length && (int)(sorted[n + 1] >> 32) == item) continue;
            items.Add(item);
            values.Add(given[(int)(uint)sorted[n]]);
        }
        return (items.ToArray(), values.ToArray());
    }

    private static ImplicitRowSolver ImplicitSolver(int rank)
    {
        _implicitByRank ??= new Dictionary<int, ImplicitRowSolver>();
        if (!_implicitByRank.TryGetValue(rank, out var solver)) _implicitByRank[rank] = solver = new ImplicitRowSolver(rank, GramPrecision.Single);
        return solver;
    }

    /// <summary>The profile of a user the snapshot knows, as trained.</summary>
    public static UserProfile Known(ModelSnapshot model, int userIndex) => new(
        model.UserBias[userIndex],
        model.UserFactors.Row(userIndex).ToArray(),
        model.Ranking?.UserFactors.Row(userIndex).ToArray(),
        model.UserRatingCounts[userIndex]);

    /// <summary>z = |R|^-1/2 sum_{j in R} y_j</summary>
    private static double[] ImplicitOffset(FactorMatrix y, int[] items)
    {
        var z = new double[y.Rank];
        foreach (int j in items) VectorMath.AddScaled(z, 1, y.Row(j));
        double scale = 1 / Math.Sqrt(items.Length);
        for (int c = 0; c < z.Length; c++) z[c] *= scale;
        return z;
    }
}
