namespace MovieRec.Core.Ratings;

/// <summary>The rule every stored or imported rating obeys: 0.5 to 5.0 in steps of 0.5.</summary>
public static class RatingValue
{
    public const double Min = 0.5;
    public const double Max = 5.0;

    public static bool IsValid(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && Math.Abs(value * 2 - Math.Round(value * 2)) < 1e-9;

    /// <summary>Why a value is not a valid rating, or null when it is.</summary>
    public static string? Problem(double value) =>
        IsValid(value) ? null : $"rating {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not one of 0.5, 1.0, ... 5.0";
}
