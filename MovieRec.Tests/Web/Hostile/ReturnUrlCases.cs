using static MovieRec.Tests.Web.Hostile.Expected;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// A correct login with a returnUrl that leaves the site: the login itself is right, so the answer
/// is a 302, but to this site's home page, never to the other host or a script URL.
/// </summary>
public static class ReturnUrlCases
{
    public static IEnumerable<HostileCase> All =>
        new[] { "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "http:evil.example", "\\\\evil.example",
                " //evil.example", HostileRequests.Script }
            .Select(url => new HostileCase($"login with returnUrl {url.Trim()}{(url.StartsWith(' ') ? " after a space" : "")}",
                app => app.LogInAsync(HostileAppFixture.ReturnerName, returnUrl: url), Home("/")));
}
