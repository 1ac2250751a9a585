namespace MovieRec.Core.Engine;

/// <summary>
/// Estimates mu, b_i and b_u once, by shrinkage toward zero, before any factor is fitted:
///   b_i = sum_{u in R(i)} (r_ui - mu) / (shrink_i + |R(i)|)
///   b_u = sum_{i in R(u)} (r_ui - mu - b_i) / (shrink_u + |R(u)|)   (Sequential)
///   b_u = sum_{i in R(u)} (r_ui - mu)       / (shrink_u + |R(u)|)   (FromMu, the original design)
/// </summary>
public static class BiasEstimator
{
    public static Biases Estimate(RatingMatrix ratings, BiasMode mode, double itemShrinkage, double userShrinkage)
    {
        double mu = ratings.Mean;
        var itemBias = new double[ratings.Items.Count];
        for (int i = 0; i < itemBias.Length; i++)
        {
            double sum = 0;
            foreach (float r in ratings.ByItem.RowValues(i)) sum += r - mu;
            itemBias[i] = sum / (itemShrinkage + ratings.ByItem.RowLength(i));
        }

        var userBias = new double[ratings.Users.Count];
        for (int u = 0; u < userBias.Length; u++)
            userBias[u] = UserBias(ratings.ByUser.Columns(u), ratings.ByUser.RowValues(u), mu, itemBias, mode, userShrinkage);
        return new Biases(mu, userBias, itemBias);
    }

    /// <summary>
    /// b_u of one person from their ratings (dense item indices and values), by the same shrinkage
    /// for a user in training and for a person folded in later (<see cref="Scoring.FoldIn"/>).
    /// </summary>
    public static double UserBias<TValue>(ReadOnlySpan<int> items, ReadOnlySpan<TValue> values, double mu, double[] itemBias,
        BiasMode mode, double userShrinkage) where TValue : System.Numerics.INumberBase<TValue>
    {
        double sum = 0;
        for (int n = 0; n < items.Length; n++)
            sum += double.CreateTruncating(values[n]) - mu - (mode == BiasMode.Sequential ? itemBias[items[n]] : 0);
        return sum / (userShrinkage + items.Length);
    }

    /// <summary>
    /// r_ui - mu - b_u - b_i for every entry of <paramref name="rows"/>: what the factors fit.
    /// <paramref name="rowsAreUsers"/> says whether a row index is a user (else an item).
    /// </summary>
    public static float[] Residuals(CsrRows rows, Biases biases, bool rowsAreUsers)
    {
        var residuals = new float[rows.Count];
        for (int row = 0; row < rows.RowCount; row++)
        {
            for (int n = rows.Offsets[row]; n < rows.Offsets[row + 1]; n++)
            {
                int col = rows.ColumnIndices[n];
                double bias = rowsAreUsers ? biases.Predict(row, col) : biases.Predict(col, row);
                residuals[n] = (float)(rows.Values[n] - bias);
            }
        }
        return residuals;
    }
}
