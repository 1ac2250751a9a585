using static System.Net.HttpStatusCode;
using static MovieRec.Tests.Web.Hostile.Expected;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// Values off the half-star scale: as JSON numbers where the grammar allows, as the bare tokens it
/// does not, as strings, and in the star widget's plain form post.
/// </summary>
public static class RatingValueCases
{
    private const string OffScale = "0.5, 1.0, ... 5.0";
    private const string WidgetError = "Choose a rating from 0.5 to 5 stars.";

    public static IEnumerable<HostileCase> All =>
    [
        .. new[] { "0", "5.5", "3.25", "-1", "-0", "1e-400" }.Select(number =>
            new HostileCase($"rating {number} as a JSON number", app => app.PutRatingAsync($"{{\"rating\": {number}}}"), Problem(BadRequest, OffScale))),
        .. new[] { "NaN", "Infinity", "-Infinity" }.Select(token =>
            new HostileCase($"rating {token} as a bare JSON token", app => app.PutRatingAsync($"{{\"rating\": {token}}}"), Problem(BadRequest, "JSON"))),
        .. new[] { "NaN", "Infinity", "-Infinity", "0", "5.5" }.Select(text =>
            new HostileCase($"rating {text} as a JSON string", app => app.PutRatingAsync($"{{\"rating\": \"{text}\"}}"), Problem(BadRequest, "JSON"))),
        .. new[] { "NaN", "Infinity", "-Infinity", "0", "5.5", "3.25", "-1", "1e400", "", "4,5" }.Select(text =>
            new HostileCase($"widget form post with rating '{text}'", app => app.PostWidgetAsync(text), PageRefused(BadRequest, WidgetError))),
        new("widget form post with a 1 MB rating", app => app.PostWidgetAsync(new string('4', 1_000_000)), PageRefused(BadRequest, WidgetError)),
        new("widget form post with a script tag as rating", app => app.PostWidgetAsync(HostileRequests.Script),
            PageRefused(BadRequest, WidgetError).NeverRaw(HostileRequests.Script)),
        new("widget form post with a bad rating and returnUrl javascript:alert(1)", app => app.PostWidgetAsync("NaN", returnUrl: "javascript:alert(1)"),
            PageRefused(BadRequest, WidgetError).NeverRaw("javascript:alert(1)")),
    ];
}
