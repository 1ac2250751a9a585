using System.Net;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>How the app is to answer an attack. Every row states which of these it expects.</summary>
public enum Answer
{
    /// <summary>A 4xx application/problem+json whose detail (or title) is a sentence.</summary>
    ApiProblem,
    /// <summary>A 4xx from a page address: a problem, a plain-text sentence or an HTML alert.</summary>
    PageRefusal,
    /// <summary>200, acceptable only because it is the same form shown again with the error in an alert.</summary>
    FormShownAgain,
    /// <summary>
    /// 200 with no results: search text is plain text, so quotes, markup and any Unicode are searched
    /// for literally and match nothing. Refusing them would refuse real titles ("Schindler's List").
    /// </summary>
    NothingFound,
    /// <summary>A correct login whose foreign returnUrl is ignored: 302 to a page of this site.</summary>
    RedirectedHome,
}

/// <summary>
/// The expected answer of one attack. <paramref name="ShownBack"/> is hostile text the answer may
/// show back: it must never appear raw, and when <paramref name="MustShowEncoded"/> the HTML-encoded
/// form must be on the page (proof that it was shown, and shown safely).
/// </summary>
public sealed record Expected(
    Answer Answer, HttpStatusCode Status, string? MessagePart = null, string? ShownBack = null, bool MustShowEncoded = false, string? Location = null)
{
    public static Expected Problem(HttpStatusCode status, string messagePart) => new(Answer.ApiProblem, status, messagePart);
    public static Expected PageRefused(HttpStatusCode status, string messagePart) => new(Answer.PageRefusal, status, messagePart);
    public static Expected FormAgain(string messagePart) => new(Answer.FormShownAgain, HttpStatusCode.OK, messagePart);
    public static Expected Nothing() => new(Answer.NothingFound, HttpStatusCode.OK);
    public static Expected Home(string location) => new(Answer.RedirectedHome, HttpStatusCode.Redirect, Location: location);

    /// <summary>The hostile text must not come back raw (in JSON, markup is escaped).</summary>
    public Expected NeverRaw(string text) => this with { ShownBack = text };

    /// <summary>The hostile text is shown back, HTML-encoded.</summary>
    public Expected ShownEncoded(string text) => this with { ShownBack = text, MustShowEncoded = true };
}

/// <summary>One named attack: what it sends and how the app must answer.</summary>
public sealed record HostileCase(string Name, Func<HostileAppFixture, Task<HttpResponseMessage>> Send, Expected Expected)
{
    public override string ToString() => Name;
}
