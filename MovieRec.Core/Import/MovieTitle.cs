namespace MovieRec.Core.Import;

/// <summary>
/// The year of a MovieLens title, which the files only give as a trailing "(yyyy)": "Toy Story (1995)".
/// Also accepted, because MovieLens has them: spaces after the parenthesis ("96 Minutes (2011) "), and a
/// series' range of years, "(2006–2007)" or "(2007-)", of which the first year is taken (when it started).
/// A title without such a suffix ("Babylon 5") has no year; so has a four-digit number outside
/// <see cref="EarliestYear"/>..<see cref="LatestYear"/>, which is part of a title rather than a year.
/// </summary>
internal static class MovieTitle
{
    /// <summary>A little before the oldest films MovieLens lists (1874).</summary>
    public const int EarliestYear = 1850;

    public const int LatestYear = 2100;

    public static int? YearOf(string title)
    {
        ReadOnlySpan<char> text = title.AsSpan().TrimEnd();
        if (!text.EndsWith(')'))
            return null;
        int open = text.LastIndexOf('(');
        if (open < 0)
            return null;
        ReadOnlySpan<char> inside = text[(open + 1)..^1].Trim();
        if (inside.Length < 4 || !IsYear(inside[..4]))
            return null;
        ReadOnlySpan<char> rest = inside[4..];
        if (!rest.IsEmpty && !IsRangeEnd(rest))
            return null;
        return InRange(int.Parse(inside[..4], provider: System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>ml-100k's release dates read "01-Jan-1995"; their year serves titles without one.</summary>
    public static int? YearOfReleaseDate(string releaseDate)
    {
        ReadOnlySpan<char> text = releaseDate.AsSpan().Trim();
        if (text.Length < 4 || !IsYear(text[^4..]))
            return null;
        return InRange(int.Parse(text[^4..], provider: System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>"–2007", "-2007", "—", "- " after the first year of a range.</summary>
    private static bool IsRangeEnd(ReadOnlySpan<char> rest)
    {
        if (rest[0] is not ('-' or '\u2013' or '\u2014'))
            return false;
        ReadOnlySpan<char> end = rest[1..].Trim();
        return end.IsEmpty || (end.Length == 4 && IsYear(end));
    }

    private static bool IsYear(ReadOnlySpan<char> text) => text.Length == 4 && !text.ContainsAnyExceptInRange('0', '9');

    private static int? InRange(int year) => year is >= EarliestYear and <= LatestYear ? year : null;
}
