using System.Globalization;

namespace MovieRec.Web.Display;

/// <summary>
/// How the pages write counts and mean ratings: the one owner of plural rules ("1 rating",
/// "2 ratings") and of the rounding of a mean (one decimal, halves away from zero), so that a
/// movie's mean reads the same on every page.
/// </summary>
public static class Wording
{
    public static string Count(long count, string singular, string plural) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural)}";

    public static string Ratings(long count) => Count(count, "rating", "ratings");

    public static string Movies(long count) => Count(count, "movie", "movies");

    /// <summary>The one rounding of a mean rating (one decimal, halves away from zero): the pages write it, the JSON API sends it.</summary>
    public static double RoundedMean(double mean) => Math.Round(mean, 1, MidpointRounding.AwayFromZero);

    /// <summary>A mean rating as shown everywhere: one decimal.</summary>
    public static string Mean(double mean) => RoundedMean(mean).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>"4.2 from 7 ratings", or "Not rated yet" when nobody has rated the movie.</summary>
    public static string MeanFrom(double? mean, long count) =>
        mean is { } value && count > 0 ? $"{Mean(value)} from {Ratings(count)}" : "Not rated yet";

    /// <summary>
    /// What a held-out figure measured: the rating and picks people are shown (folded in from their
    /// training ratings, the blended prediction), or, for a model kept before that figure existed,
    /// the factor model alone with the trained user vectors.
    /// </summary>
    public static string HeldOutBasis(bool asServed) => asServed
        ? "as people are shown it: folded in from their training ratings, the blended prediction"
        : "factor model alone, with the trained user vectors: this model predates the served figure";
}
