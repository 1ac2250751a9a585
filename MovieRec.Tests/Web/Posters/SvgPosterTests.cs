using System.Globalization;
using System.Xml.Linq;
using MovieRec.Core.Catalog;
using MovieRec.Web.Posters;

namespace MovieRec.Tests.Web.Posters;

/// <summary>The generated poster: well-formed SVG with the title escaped, wrapped between whole graphemes, and a colour from the genres.</summary>
public sealed class SvgPosterTests
{
    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static List<string> TitleLines(string svg) =>
        Parse(svg).Descendants().Where(e => e.Name.LocalName == "text" && e.Attribute("font-weight") is not null).Select(e => e.Value).ToList();

    [Fact]
    public void Markup_in_a_title_stays_text()
    {
        var movie = new Movie(1, "<script>alert(\"x\")</script> & 'Co' (2001)", 2001, ["Comedy"]);

        string svg = SvgPoster.Render(movie);

        Assert.DoesNotContain("<script", svg);
        var document = Parse(svg);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "script");
        // Wrapping may cut the long word between lines: compared without the spaces.
        Assert.Equal("<script>alert(\"x\")</script>&'Co'", string.Concat(TitleLines(svg)).Replace(" ", ""));
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "text" && e.Value == "2001");
    }

    [Fact]
    public void A_long_title_wraps_into_at_most_six_lines_ending_in_an_ellipsis()
    {
        var movie = new Movie(1, string.Join(" ", Enumerable.Repeat("Supercalifragilistic wonderful", 40)) + " (1964)", 1964, ["Musical"]);

        var lines = TitleLines(SvgPoster.Render(movie));

        Assert.Equal(SvgPoster.MaxLines, lines.Count);
        Assert.All(lines, line => Assert.True(new StringInfo(line).LengthInTextElements <= SvgPoster.LineGraphemes, line));
        Assert.EndsWith("…", lines[^1]);
    }

    [Fact]
    public void Emoji_and_combining_marks_are_never_split_between_lines()
    {
        // 20 family emoji (each several code points joined) and 20 "e" + combining acute, no spaces.
        string family = "👨‍👩‍👧‍👦";
        var movie = new Movie(1, string.Concat(Enumerable.Repeat(family, 20)) + string.Concat(Enumerable.Repeat("e\u0301", 20)), null, []);

        var lines = TitleLines(SvgPoster.Render(movie));

        Assert.True(lines.Count > 1);
        foreach (var line in lines)
        {
            var elements = StringInfo.GetTextElementEnumerator(line);
            while (elements.MoveNext())
            {
                string element = elements.GetTextElement();
                Assert.True(element is "…" || element == family || element == "e\u0301", $"split grapheme {string.Join(' ', element.Select(c => ((int)c).ToString("X4")))}");
            }
        }
    }

    [Fact]
    public void The_colour_comes_from_the_genres()
    {
        string action = SvgPoster.Render(new Movie(1, "A", null, ["Action", "Comedy"]));
        string unknown = SvgPoster.ColourOf("Space Opera");

        Assert.Contains("fill=\"#b91c1c\"", action);
        Assert.Contains("fill=\"#a16207\"", action);
        Assert.Equal(unknown, SvgPoster.ColourOf("space opera"));
        Assert.NotEqual(unknown, SvgPoster.ColourOf("Space Western"));
        Assert.Matches("^hsl\\(\\d+,60%,25%\\)$", unknown);
        Assert.Contains("fill=\"#475569\"", SvgPoster.Render(new Movie(2, "B", null, [])));
    }

    [Fact]
    public void The_year_is_not_repeated_in_the_title_lines()
    {
        Assert.Equal(["Heat"], TitleLines(SvgPoster.Render(new Movie(6, "Heat (1995)", 1995, ["Action"]))));
        Assert.Equal(["Heat (1995)"], TitleLines(SvgPoster.Render(new Movie(6, "Heat (1995)", null, ["Action"]))));
    }
}
