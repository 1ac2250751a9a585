namespace MovieRec.Core.Ratings;

/// <summary>
/// The range ratings of a dataset live in. Predictions are clipped to it (EVALUATION.md):
/// [0.5, 5.0] for the MovieLens CSV sets and the app, [1, 5] for the classic 100k / 1M sets.
/// </summary>
public readonly record struct RatingScale(double Min, double Max)
{
    /// <summary>The app's scale: 0.5 to 5 stars in half-star steps.</summary>
    public static readonly RatingScale HalfStars = new(0.5, 5.0);

    /// <summary>The classic ml-100k / ml-1m scale: whole stars 1 to 5.</summary>
    public static readonly RatingScale WholeStars = new(1.0, 5.0);

    public double Clip(double value) => Math.Clamp(value, Min, Max);
}
