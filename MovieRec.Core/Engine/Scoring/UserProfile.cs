using MovieRec.Core.Engine.Neighbourhood;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// What scoring needs of one person: their bias b_u, their vector in the rating model (w_u) and in
/// the ranking model (x_u). Either read from the snapshot for a user it knows, or folded in from
/// their current ratings. A null vector means "no evidence": scoring falls back to the biases.
/// <see cref="Rated"/> holds their residuals for the item-neighbourhood term of the predicted
/// rating, and <see cref="EaseScores"/> their EASE score over the model's EASE movies (position
/// order); only fold-in has them (a trained user's ratings are not kept in the snapshot).
/// </summary>
public sealed record UserProfile(double Bias, double[]? RatingVector, double[]? RankingVector, int RatingCount, RatedResiduals? Rated = null,
    float[]? EaseScores = null)
{
    /// <summary>Someone with no ratings at all: mu + b_i only.</summary>
    public static UserProfile Empty { get; } = new(0, null, null, 0);
}
