using MovieRec.Core.Ratings;

namespace MovieRec.Core.Engine;

/// <summary>
/// Ratings kept out of training, in the dense indices of a <see cref="RatingMatrix"/>
/// (-1 for a user or movie the matrix does not know), for validation RMSE during training.
/// </summary>
public sealed class HeldOutRatings
{
    private HeldOutRatings(int[] users, int[] items, float[] values, RatingScale scale)
    {
        UserIndex = users;
        ItemIndex = items;
        Values = values;
        Scale = scale;
    }

    public int[] UserIndex { get; }
    public int[] ItemIndex { get; }
    public float[] Values { get; }
    public RatingScale Scale { get; }
    public int Count => Values.Length;

    public static HeldOutRatings Create(IReadOnlyList<Rating> ratings, IdMap users, IdMap items, RatingScale scale)
    {
        var u = new int[ratings.Count];
        var i = new int[ratings.Count];
        var v = new float[ratings.Count];
        for (int n = 0; n < ratings.Count; n++)
        {
            u[n] = users.IndexOf(ratings[n].UserId);
            i[n] = items.IndexOf(ratings[n].MovieId);
            v[n] = ratings[n].Value;
        }
        return new HeldOutRatings(u, i, v, scale);
    }

    /// <summary>RMSE of a predictor given dense indices (-1 = unknown), clipped to the scale.</summary>
    public double Rmse(Func<int, int, double> predict)
    {
        double sum = 0;
        for (int n = 0; n < Count; n++)
        {
            double error = Scale.Clip(predict(UserIndex[n], ItemIndex[n])) - Values[n];
            sum += error * error;
        }
        return Math.Sqrt(sum / Math.Max(1, Count));
    }
}
