using System.Globalization;
using System.Security;
using System.Text;
using MovieRec.Core.Catalog;
using MovieRec.Core.Text;

namespace MovieRec.Web.Posters;

/// <summary>
/// The poster drawn when there is no picture from TMDb: the title (wrapped, at most six lines,
/// cut between whole graphemes), the year, and a colour from the genres (the first fills the
/// poster, the second a band), so that a page of posters is not a wall of grey. Every colour is
/// dark enough for white text to keep a 4.5:1 contrast. All text is XML-escaped.
/// </summary>
public static class SvgPoster
{
    public const int Width = 200;
    public const int Height = 300;
    public const int LineGraphemes = 14;
    public const int MaxLines = 6;

    private const string NoGenreColour = "#475569";

    private static readonly Dictionary<string, string> GenreColours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Action"] = "#b91c1c", ["Adventure"] = "#9a3412", ["Animation"] = "#0e7490", ["Children"] = "#0f766e",
        ["Comedy"] = "#a16207", ["Crime"] = "#334155", ["Documentary"] = "#4d7c0f", ["Drama"] = "#1e3a8a",
        ["Fantasy"] = "#6d28d9", ["Film-Noir"] = "#1f2937", ["Horror"] = "#7f1d1d", ["IMAX"] = "#155e75",
        ["Musical"] = "#be185d", ["Mystery"] = "#4c1d95", ["Romance"] = "#9d174d", ["Sci-Fi"] = "#1e40af",
        ["Thriller"] = "#3f3f46", ["War"] = "#57534e", ["Western"] = "#92400e",
    };

    /// <summary>The genre's colour; a genre not in the table gets a dark hue of its own from a stable hash of its name.</summary>
    public static string ColourOf(string genre)
    {
        if (GenreColours.TryGetValue(genre, out var colour)) return colour;
        uint hash = 2166136261;
        foreach (char c in genre.ToUpperInvariant()) hash = (hash ^ c) * 16777619;
        // HSL with 25 % lightness: white text on it passes 4.5:1 whatever the hue.
        return $"hsl({hash % 360},60%,25%)";
    }

    /// <summary>The title as shown on the poster: MovieLens's trailing " (1999)" is dropped, since the year has its own line.</summary>
    public static string DisplayTitle(Movie movie)
    {
        string title = SafeText.RemoveControlCharacters(movie.Title, out _).Trim();
        if (movie.Year is { } year && title.EndsWith($"({year})", StringComparison.Ordinal))
            title = title[..^$"({year})".Length].TrimEnd();
        return title.Length == 0 ? movie.Title.Trim() : title;
    }

    public static string Render(Movie movie)
    {
        var genres = movie.Genres;
        string background = genres.Count > 0 ? ColourOf(genres[0]) : NoGenreColour;
        string band = genres.Count > 1 ? ColourOf(genres[1]) : background;
        var lines = SafeText.Wrap(DisplayTitle(movie), LineGraphemes, MaxLines);
        var svg = new StringBuilder(1024);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img">""");
        svg.Append("<title>").Append(Escape(movie.Title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height}" fill="{band}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height - 40}" fill="{background}"/>""");
        svg.Append("""<g fill="#ffffff" font-family="system-ui, sans-serif" text-anchor="middle">""");
        // The block of title lines is centred vertically in the coloured area.
        int lineHeight = 24;
        int top = (Height - 40) / 2 - lines.Count * lineHeight / 2 + 18;
        for (int i = 0; i < lines.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="{top + i * lineHeight}" font-size="19" font-weight="700">""")
                .Append(Escape(lines[i])).Append("</text>");
        if (movie.Year is { } year)
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="{Height - 14}" font-size="17">{year}</text>""");
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
