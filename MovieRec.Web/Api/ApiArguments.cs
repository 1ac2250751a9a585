using MovieRec.Core.Storage;

namespace MovieRec.Web.Api;

/// <summary>Checks of query values shared by the endpoints, each with a message that says what is accepted.</summary>
public static class ApiArguments
{
    /// <summary>n, defaulting to <paramref name="fallback"/>; a message when outside 1..max.</summary>
    public static (int Value, string? Problem) Count(int? n, int fallback, int max)
    {
        if (n is null) return (fallback, null);
        return n is >= 1 && n <= max ? (n.Value, null) : (0, $"n must be between 1 and {max}; it was {n}.");
    }

    /// <summary>popularity, rating, year or title (any case); null means the default, popularity.</summary>
    public static (MovieSort Value, string? Problem) Sort(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort)) return (MovieSort.Popularity, null);
        return Enum.TryParse<MovieSort>(sort, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(sort, out _)
            ? (parsed, null)
            : (MovieSort.Popularity, $"sort must be one of popularity, rating, year, title; it was '{sort}'.");
    }
}
