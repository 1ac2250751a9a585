using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>Checks an answer against its <see cref="Expected"/>: status, a message a person can read, and safe echoing.</summary>
public static partial class HostileAssert
{
    // Linear-time matching throughout: some answers echo a megabyte of hostile text.
    [GeneratedRegex("role=\"alert\"[^>]*>(.*?)</(p|ul|div)>", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex AlertElement();

    [GeneratedRegex("<[^>]+>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    // What leaks when an error escapes: exception type names, stack frames, framework namespaces.
    [GeneratedRegex(@"\w+Exception\b|\n\s+at |System\.\w+\.|Microsoft\.\w+\.", RegexOptions.NonBacktracking)]
    private static partial Regex InternalDetail();

    public static async Task AnswerAsync(HttpResponseMessage response, Expected expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        int status = (int)response.StatusCode;
        Assert.True(status < 500, $"The app failed with {status}: {Shorten(body)}");
        Assert.True(expected.Status == response.StatusCode,
            $"Expected {(int)expected.Status} ({expected.Answer}), got {status}: {Shorten(body)}");
        Assert.DoesNotMatch(InternalDetail(), body);

        switch (expected.Answer)
        {
            case Answer.ApiProblem:
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                AssertSentence(ProblemMessage(body), expected.MessagePart);
                break;
            case Answer.PageRefusal:
                AssertSentence(PageRefusalMessage(response, body), expected.MessagePart);
                break;
            case Answer.FormShownAgain:
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                AssertSentence(AlertText(body), expected.MessagePart);
                break;
            case Answer.NothingFound:
                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                    Assert.Contains("data-section=\"no-results\"", body);
                else
                    Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("totalCount").GetInt32());
                break;
            case Answer.RedirectedHome:
                Assert.Equal(expected.Location, response.Headers.Location?.OriginalString);
                break;
        }

        if (expected.ShownBack is { } hostile)
        {
            // Ordinal: a culture-aware (ICU) search skips invisible characters such as U+202E.
            Assert.DoesNotContain(hostile, body, StringComparison.Ordinal);
            if (expected.MustShowEncoded) Assert.Contains(HtmlEncoder.Default.Encode(hostile), body, StringComparison.Ordinal);
        }
    }

    /// <summary>A sentence: words, a final stop, and the part that says what was wrong.</summary>
    private static void AssertSentence(string? message, string? part)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "The answer carries no message.");
        Assert.Matches(@"[A-Za-z]+ [A-Za-z]+ .*[.!?]$", message!.Trim());
        if (part is not null) Assert.Contains(part, message);
    }

    private static string? ProblemMessage(string json)
    {
        var problem = JsonDocument.Parse(json).RootElement;
        return problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? text
            : problem.TryGetProperty("title", out var title) ? title.GetString() : null;
    }

    private static string? PageRefusalMessage(HttpResponseMessage response, string body) => response.Content.Headers.ContentType?.MediaType switch
    {
        "application/problem+json" => ProblemMessage(body),
        "text/html" => AlertText(body),
        _ => body,
    };

    /// <summary>The text of the page's alerts, tags removed and entities decoded.</summary>
    private static string? AlertText(string html)
    {
        var alerts = AlertElement().Matches(html).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, " ")).Trim()).ToList();
        return alerts.Count == 0 ? null : Regex.Replace(string.Join(" ", alerts), @"\s+", " ");
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
