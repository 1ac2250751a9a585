namespace MovieRec.Core.Benchmarks;

/// <summary>How big a synthetic dataset is. The default is the MovieLens 32M shape.</summary>
public readonly record struct SyntheticShape(int Users, int Movies, long Ratings)
{
    public static readonly SyntheticShape MovieLens32M = new(200_948, 87_585, 32_000_204);

    /// <summary>Parses "USERS,MOVIES,RATINGS"; null or empty means the MovieLens 32M shape.</summary>
    public static SyntheticShape Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return MovieLens32M;
        var parts = text.Split(',');
        if (parts.Length != 3
            || !int.TryParse(parts[0], out int users) || !int.TryParse(parts[1], out int movies)
            || !long.TryParse(parts[2], out long ratings))
            throw new FormatException($"--synthetic takes USERS,MOVIES,RATINGS (three whole numbers), not \"{text}\"");
        if (users < 1 || movies < 1 || ratings < 1)
            throw new FormatException("--synthetic needs at least one user, one movie and one rating");
        if (ratings > (long)users * movies)
            throw new FormatException($"{ratings} ratings do not fit in {users} users x {movies} movies");
        if (ratings > 200_000_000)
            throw new FormatException("--synthetic is limited to 200,000,000 ratings");
        return new SyntheticShape(users, movies, ratings);
    }
}
