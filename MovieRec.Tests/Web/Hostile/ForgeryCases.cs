using System.Security.Cryptography;
using static System.Net.HttpStatusCode;
using static MovieRec.Tests.Web.Hostile.Expected;
using static MovieRec.Tests.Web.Hostile.HostileAppFixture;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// Requests another site could forge: every form and every state-changing API route without the
/// antiforgery token, with a token of another session; and sign-in cookies that are random,
/// truncated, tampered with or malformed.
/// </summary>
public static class ForgeryCases
{
    private const string NoToken = "antiforgery";
    private const string FormRefused = "reload the page";
    private const string LogInFirst = "Log in first";

    public static IEnumerable<HostileCase> All =>
    [
        new("login form posted without the antiforgery token", app => app.PostFormAsync("/Account/Login",
            new() { ["Username"] = ReturnerName, ["Password"] = WebSession.Password }, withToken: false), PageRefused(BadRequest, FormRefused)),
        new("register form posted without the antiforgery token", app => app.PostFormAsync("/Account/Register",
            new() { ["Username"] = "forged-" + Guid.NewGuid().ToString("N")[..6], ["Password"] = WebSession.Password, ["ConfirmPassword"] = WebSession.Password },
            withToken: false), PageRefused(BadRequest, FormRefused)),
        new("logout form posted without the antiforgery token", app => app.PostFormAsync("/Account/Logout", new(), signedIn: true, withToken: false),
            PageRefused(BadRequest, FormRefused)),
        new("rating widget posted without the antiforgery token", app => app.PostFormAsync("/Ratings?handler=Rate",
            new() { ["movieId"] = "1", ["rating"] = "0.5" }, signedIn: true, withToken: false), PageRefused(BadRequest, FormRefused)),
        new("rating delete form posted without the antiforgery token", app => app.PostFormAsync("/Ratings?handler=Delete",
            new() { ["movieId"] = "1" }, signedIn: true, withToken: false), PageRefused(BadRequest, FormRefused)),
        new("API PUT rating without the antiforgery header", app => app.VictimSendAsync(HttpMethod.Put, "/api/ratings/1", "{\"rating\": 0.5}", withToken: false),
            Problem(BadRequest, NoToken)),
        new("API DELETE rating without the antiforgery header", app => app.VictimSendAsync(HttpMethod.Delete, "/api/ratings/1", withToken: false),
            Problem(BadRequest, NoToken)),
        new("API admin reload without the antiforgery header", ReloadWithoutTokenAsync, Problem(BadRequest, NoToken)),
        new("API PUT rating with the antiforgery token of another session", PutWithStrangersTokenAsync, Problem(BadRequest, NoToken)),
        new("API PUT rating with a made-up antiforgery header", PutWithMadeUpTokenAsync, Problem(BadRequest, NoToken)),
        new("API admin reload as an ordinary user", app => app.VictimSendAsync(HttpMethod.Post, "/api/admin/reload"), Problem(Forbidden, "not allowed")),
        new("API PUT rating signed out", app => app.SendWithCookieAsync(HttpMethod.Put, "/api/ratings/1", "", "{\"rating\": 0.5}"), Problem(Unauthorized, LogInFirst)),
        new("auth cookie of random base64", app => app.SendWithCookieAsync(HttpMethod.Get, "/api/me/ratings",
            $"{AuthCookie}={Convert.ToBase64String(RandomNumberGenerator.GetBytes(300))}"), Problem(Unauthorized, LogInFirst)),
        new("auth cookie truncated to half", app => app.SendWithCookieAsync(HttpMethod.Get, "/api/me/ratings",
            $"{AuthCookie}={app.VictimCookie[..(app.VictimCookie.Length / 2)]}"), Problem(Unauthorized, LogInFirst)),
        new("auth cookie with one byte flipped (forged for another user)", app => app.SendWithCookieAsync(HttpMethod.Put, "/api/ratings/1",
            $"{AuthCookie}={Tamper(app.VictimCookie)}", "{\"rating\": 0.5}"), Problem(Unauthorized, LogInFirst)),
        new("auth cookie that is empty", app => app.SendWithCookieAsync(HttpMethod.Get, "/api/me/ratings", $"{AuthCookie}="), Problem(Unauthorized, LogInFirst)),
        new("auth cookie claiming 2147483647 chunks", app => app.SendWithCookieAsync(HttpMethod.Get, "/api/me/ratings",
            $"{AuthCookie}=chunks-2147483647"), Problem(Unauthorized, LogInFirst)),
        new("auth cookie claiming two chunks holding a tampered cookie", app => app.SendWithCookieAsync(HttpMethod.Get, "/api/me/ratings",
            $"{AuthCookie}=chunks-2; {AuthCookie}C1={Tamper(app.VictimCookie)}; {AuthCookie}C2=AAAA"), Problem(Unauthorized, LogInFirst)),
        new("auth cookie of percent signs and quotes", app => app.SendWithCookieAsync(HttpMethod.Get, "/api/me/ratings",
            $"{AuthCookie}=%%%\"'<script>"), Problem(Unauthorized, LogInFirst)),
        new("antiforgery cookie of random base64 on a form post", PostWithRandomAntiforgeryCookieAsync, PageRefused(BadRequest, FormRefused)),
    ];

    /// <summary>The cookie with one character in its middle changed: still well-formed, no longer what the server signed.</summary>
    public static string Tamper(string cookie)
    {
        int middle = cookie.Length / 2;
        char changed = cookie[middle] == 'A' ? 'B' : 'A';
        return cookie[..middle] + changed + cookie[(middle + 1)..];
    }

    private static async Task<HttpResponseMessage> ReloadWithoutTokenAsync(HostileAppFixture app) =>
        await app.Admin.PostAsync("/api/admin/reload", null);

    private static async Task<HttpResponseMessage> PutWithStrangersTokenAsync(HostileAppFixture app)
    {
        string strangersToken = await app.Browser().ApiTokenAsync();
        var victim = app.Browser(signedIn: true);
        await victim.ApiTokenAsync(); // the victim's own antiforgery cookie, so only the token is foreign
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/ratings/1") { Content = new StringContent("{\"rating\": 0.5}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-TOKEN", strangersToken);
        return await victim.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PutWithMadeUpTokenAsync(HostileAppFixture app)
    {
        var victim = app.Browser(signedIn: true);
        await victim.ApiTokenAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/ratings/1") { Content = new StringContent("{\"rating\": 0.5}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-TOKEN", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        return await victim.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostWithRandomAntiforgeryCookieAsync(HostileAppFixture app)
    {
        var victim = app.Browser(signedIn: true);
        string token = await victim.FormTokenAsync("/Ratings");
        var request = new HttpRequestMessage(HttpMethod.Post, "/Ratings?handler=Rate")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["movieId"] = "1", ["rating"] = "0.5", ["__RequestVerificationToken"] = token }),
        };
        // Sent by hand so that it replaces, rather than joins, the real antiforgery cookie.
        request.Headers.TryAddWithoutValidation("Cookie",
            $"{AuthCookie}={app.VictimCookie}; {AntiforgeryCookie}={Convert.ToBase64String(RandomNumberGenerator.GetBytes(100))}");
        return await app.BareClient().SendAsync(request);
    }
}
