using System.Globalization;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Import;

/// <summary>
/// Which rating values a dataset may contain. On <see cref="RatingScale.WholeStars"/> (ml-100k, ml-1m, whose
/// READMEs say "whole-star ratings only") a value must be a whole number from 1 to 5; on any other scale it
/// must lie within the scale and be a valid <see cref="RatingValue"/> (a multiple of 0.5).
/// </summary>
internal static class RatingScaleRules
{
    public static string? Problem(double value, RatingScale scale)
    {
        if (!double.IsFinite(value) || value < scale.Min || value > scale.Max)
            return $"rating {Format(value)} is outside the scale {Format(scale.Min)} to {Format(scale.Max)}";
        if (scale == RatingScale.WholeStars)
            return value == Math.Floor(value) ? null : $"rating {Format(value)} is not a whole number of stars";
        return RatingValue.IsValid(value) ? null : $"rating {Format(value)} is not a multiple of 0.5";
    }

    public static bool IsHalfStar(double value) => RatingValue.IsValid(value) && value != Math.Floor(value);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
