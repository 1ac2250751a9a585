namespace MovieRec.Core.Ratings;

/// <summary>
/// A rating's time, in Unix seconds: only instants a DateTimeOffset can hold (years 1 to 9999) are
/// accepted, since every page and API answer shows the time as one. Checked at import, where the
/// message can name the line, so a stored timestamp always converts.
/// </summary>
public static class RatingTimestamp
{
    public static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    public static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Why <paramref name="seconds"/> is not a usable rating time, or null when it is.</summary>
    public static string? Problem(long seconds) => seconds < Min || seconds > Max
        ? $"timestamp {seconds} is outside the dates this app can show (Unix seconds {Min} to {Max}, the years 1 to 9999)"
        : null;
}
