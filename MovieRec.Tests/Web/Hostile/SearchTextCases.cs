using static System.Net.HttpStatusCode;
using static MovieRec.Tests.Web.Hostile.Expected;
using static MovieRec.Tests.Web.Hostile.HostileRequests;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// Hostile search text, genre and sort on /api/movies and /Movies. Search text is plain text: SQL,
/// markup and Unicode find nothing (had "' OR 1=1 --" reached SQL it would find every movie).
/// Values that cannot be honoured (unknown genre or sort, text too long, control characters) are refused.
/// </summary>
public static class SearchTextCases
{
    private static readonly string HugeText = new('q', 100_000);

    private static readonly (string Name, string Text)[] LiteralTexts =
    [
        ("' OR 1=1 --", OrOneEqualsOne),
        ("\"; DROP TABLE ratings; --", DropTable),
        ("a script tag", Script),
        ("a right-to-left override (U+202E)", "\u202Eesiuq"),
        ("emoji", "\U0001F3AC\U0001F37F"),
        ("combining marks", "Z\u0351\u0352\u0353a\u0300\u0301l\u0302go"),
        ("a zero-width joiner", "La\u200Dser"),
        ("a MongoDB operator", "{\"$gt\": \"\"}"),
    ];

    public static IEnumerable<HostileCase> All =>
    [
        .. LiteralTexts.Select(t => new HostileCase($"API search for {t.Name}",
            app => app.GetAsync("/api/movies?q=" + Uri.EscapeDataString(t.Text)), Nothing().NeverRaw(Script))),
        .. LiteralTexts.Select(t => new HostileCase($"movies page search for {t.Name}",
            app => app.GetAsync("/Movies?q=" + Uri.EscapeDataString(t.Text)), Nothing().ShownEncoded(t.Text))),
        new("API search text of 100 KB (huge query string value)", app => app.GetAsync("/api/movies?q=" + HugeText), Problem(BadRequest, "at most 200")),
        new("movies page search text of 100 KB (huge query string value)", app => app.GetAsync("/Movies?q=" + HugeText), FormAgain("at most 200")),
        new("API search text with a NUL character", app => app.GetAsync("/api/movies?q=La%00ser"), Problem(BadRequest, "control characters")),
        new("movies page search text with a NUL character", app => app.GetAsync("/Movies?q=La%00ser"), FormAgain("control characters")),
        new("API genre a script tag", app => app.GetAsync("/api/movies?genre=" + Uri.EscapeDataString(Script)), Problem(BadRequest, "no genre").NeverRaw(Script)),
        new("API genre a MongoDB operator", app => app.GetAsync("/api/movies?genre=" + Uri.EscapeDataString("{\"$ne\": null}")), Problem(BadRequest, "no genre")),
        new("API genre ' OR 1=1 --", app => app.GetAsync("/api/movies?genre=" + Uri.EscapeDataString(OrOneEqualsOne)), Problem(BadRequest, "no genre")),
        new("API sort a script tag", app => app.GetAsync("/api/movies?sort=" + Uri.EscapeDataString(Script)), Problem(BadRequest, "sort must be one of").NeverRaw(Script)),
        new("API sort by enum number 1", app => app.GetAsync("/api/movies?sort=1"), Problem(BadRequest, "sort must be one of")),
        new("movies page genre a script tag", app => app.GetAsync("/Movies?genre=" + Uri.EscapeDataString(Script)), FormAgain("no genre").ShownEncoded(Script)),
        new("movies page sort a script tag", app => app.GetAsync("/Movies?sort=" + Uri.EscapeDataString(Script)), FormAgain("not understood").NeverRaw(Script)),
    ];
}
