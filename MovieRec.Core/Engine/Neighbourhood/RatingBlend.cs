namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// How the predicted rating combines its parts:
///   r_hat = Intercept + Baseline (mu + b_u + b_i) + Factors (w_u . q_i) + Neighbours n_ui
/// where n_ui is the item-neighbourhood term (<see cref="NeighbourModel"/>). The weights are
/// hyper-parameters fitted by least squares on the validation slice of train (docs/BENCHMARKS.md,
/// "Issue 8, third pass"); <see cref="Identity"/> is the plain factor model.
/// </summary>
public sealed record RatingBlend(double Intercept, double Baseline, double Factors, double Neighbours)
{
    /// <summary>r_hat = mu + b_u + b_i + w_u . q_i: a model without a neighbourhood term.</summary>
    public static RatingBlend Identity { get; } = new(0, 1, 1, 0);

    /// <summary>The blended prediction from its three parts (unclipped).</summary>
    public double Combine(double baseline, double factorTerm, double neighbourTerm) =>
        Intercept + Baseline * baseline + Factors * factorTerm + Neighbours * neighbourTerm;

    /// <summary>Why these weights cannot serve, or null.</summary>
    public string? FindProblem() =>
        double.IsFinite(Intercept) && double.IsFinite(Baseline) && double.IsFinite(Factors) && double.IsFinite(Neighbours)
            ? null
            : $"rating blend weights must be finite numbers (got {Intercept}, {Baseline}, {Factors}, {Neighbours})";
}
