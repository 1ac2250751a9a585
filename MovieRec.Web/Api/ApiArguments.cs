using System.Globalization;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Api;

/// <summary>Checks of query values shared by the endpoints, each with a message that says what is accepted.</summary>
public static class ApiArguments
{
    // Counts and pages arrive as text and are parsed here, not by parameter binding: binding would
    // answer "abc" or 99999999999 with 'Failed to bind parameter "int? n"', which is C#, not advice.

    /// <summary>n, defaulting to <paramref name="fallback"/>; a message when it is not a whole number in 1..max.</summary>
    public static (int Value, string? Problem) Count(string? n, int fallback, int max)
    {
        if (string.IsNullOrEmpty(n)) return (fallback, null);
        if (!int.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count))
            return (0, $"n must be a whole number from 1 to {max}; it was '{n}'.");
        return count is >= 1 && count <= max ? (count, null) : (0, $"n must be between 1 and {max}; it was {count}.");
    }

    /// <summary>page, counting from 1, defaulting to 1.</summary>
    public static (int Value, string? Problem) Page(string? page)
    {
        if (string.IsNullOrEmpty(page)) return (1, null);
        if (!int.TryParse(page, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
            return (0, $"page must be a whole number from 1; it was '{page}'.");
        return number >= 1 ? (number, null) : (0, $"page counts from 1; it was {number}.");
    }

    /// <summary>popularity, rating, year or title (any case); null means the default, popularity.</summary>
    public static (MovieSort Value, string? Problem) Sort(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort)) return (MovieSort.Popularity, null);
        return Enum.TryParse<MovieSort>(sort, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(sort, out _)
            ? (parsed, null)
            : (MovieSort.Popularity, $"sort must be one of popularity, rating, year, title; it was '{sort}'.");
    }

    /// <summary>step, the familiar/new step for this call; null means the person's saved step.</summary>
    public static (int? Value, string? Problem) FamiliarNewStep(string? step)
    {
        if (string.IsNullOrEmpty(step)) return (null, null);
        if (!int.TryParse(step, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
            return (null, $"step must be a whole number from {FamiliarNew.MostFamiliar} (familiar) to {FamiliarNew.MostNew} (new); it was '{step}'.");
        return (number, FamiliarNew.Problem(number));
    }
}
