namespace MovieRec.Core.Import;

/// <summary>The "|"-separated genre field of movies.csv and movies.dat.</summary>
internal static class GenreList
{
    /// <summary>What MovieLens writes for a movie without genres; it is not a genre itself.</summary>
    public const string NoGenres = "(no genres listed)";

    public static IReadOnlyList<string> Parse(string field)
    {
        string trimmed = field.Trim();
        if (trimmed.Length == 0 || trimmed.Equals(NoGenres, StringComparison.OrdinalIgnoreCase))
            return [];
        return trimmed.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
