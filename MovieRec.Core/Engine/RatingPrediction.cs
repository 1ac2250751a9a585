using MovieRec.Core.Engine.Neighbourhood;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>
/// The one prediction formula, r_hat = mu + b_u + b_i + w_u . q_i (unclipped), for training,
/// the held-out slice, the retrain gate and serving alike. A missing term (an unknown user or
/// movie, a person without a vector) is passed as 0 or an empty span and drops out.
/// A model with an item-neighbourhood term blends it in by <see cref="Blended"/>; the plain
/// formula is that blend with the identity weights.
/// </summary>
public static class RatingPrediction
{
    public static double Raw(double mu, double userBias, double itemBias, ReadOnlySpan<double> w, ReadOnlySpan<double> q) =>
        mu + userBias + itemBias + (w.IsEmpty || q.IsEmpty ? 0 : VectorMath.Dot(w, q));

    /// <summary>
    /// blend(mu + b_u + b_i, w_u . q_i, n_ui) (<see cref="RatingBlend"/>), unclipped; with
    /// <see cref="RatingBlend.Identity"/> it equals <see cref="Raw"/>.
    /// </summary>
    public static double Blended(RatingBlend blend, double mu, double userBias, double itemBias, ReadOnlySpan<double> w, ReadOnlySpan<double> q,
        double neighbourTerm) =>
        blend.Combine(mu + userBias + itemBias, w.IsEmpty || q.IsEmpty ? 0 : VectorMath.Dot(w, q), neighbourTerm);

    /// <summary>By dense indices, -1 meaning unknown (the factor model: a trained user's ratings are not kept for the neighbourhood term).</summary>
    public static double ByIndex(Biases biases, FactorMatrix w, FactorMatrix q, int userIndex, int itemIndex) => Raw(
        biases.Mu,
        userIndex >= 0 ? biases.User[userIndex] : 0,
        itemIndex >= 0 ? biases.Item[itemIndex] : 0,
        userIndex >= 0 ? w.Row(userIndex) : ReadOnlySpan<double>.Empty,
        itemIndex >= 0 ? q.Row(itemIndex) : ReadOnlySpan<double>.Empty);
}
