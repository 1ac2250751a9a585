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

    public static UserProfile Compute(ModelSnapshot model, IEnumerable<(int MovieId, double Rating)> ratings)
    {
        // Movies the model does not know carry no factors; the last rating of a movie wins.
        var byItem = new SortedDictionary<int, double>();
        foreach (var (movieId, rating) in ratings)
        {
            int item = model.Items.IndexOf(movieId);
            if (item >= 0 && double.IsFinite(rating)) byItem[item] = rating;
        }
        if (byItem.Count == 0) return UserProfile.Empty;

        var items = byItem.Keys.ToArray();
        var values = byItem.Values.ToArray();
        var options = model.Options;

        double bias = UserBias(model, items, values);
        var residuals = new float[items.Length];
        for (int n = 0; n < items.Length; n++)
            residuals[n] = (float)(values[n] - model.Mu - bias - model.ItemBias[items[n]]);

        var w = new double[model.Rank];
        var centre = model.ImplicitItemFactors is { } y ? ImplicitOffset(y, items) : null;
        (_ridge ??= new RidgeSolver()).Solve(model.ItemFactors, items, residuals, ExplicitAls.RowLambda(options, items.Length), centre, w);

        double[]? x = null;
        if (model.Ranking is { } ranking)
        {
            x = new double[ranking.Rank];
            var confidenceMinusOne = values.Select(r => ranking.Alpha * (float)r).ToArray();
            ImplicitSolver(ranking.Rank).Solve(ranking.ItemFactors, ranking.ItemGram, ranking.Lambda, items, confidenceMinusOne, x);
        }
        return new UserProfile(bias, w, x, items.Length);
    }

    private static ImplicitRowSolver ImplicitSolver(int rank)
    {
        _implicitByRank ??= new Dictionary<int, ImplicitRowSolver>();
        if (!_implicitByRank.TryGetValue(rank, out var solver)) _implicitByRank[rank] = solver = new ImplicitRowSolver(rank);
        return solver;
    }

    /// <summary>The profile of a user the snapshot knows, as trained.</summary>
    public static UserProfile Known(ModelSnapshot model, int userIndex) => new(
        model.UserBias[userIndex],
        model.UserFactors.Row(userIndex).ToArray(),
        model.Ranking?.UserFactors.Row(userIndex).ToArray(),
        model.UserRatingCounts[userIndex]);

    private static double UserBias(ModelSnapshot model, int[] items, double[] values)
    {
        double sum = 0;
        for (int n = 0; n < items.Length; n++)
            sum += values[n] - model.Mu - (model.Options.BiasMode == BiasMode.Sequential ? model.ItemBias[items[n]] : 0);
        return sum / (model.Options.UserBiasShrinkage + items.Length);
    }

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
