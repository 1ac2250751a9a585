using System.Net.Http.Headers;
using System.Text;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>The raw requests attacks are made of: bodies sent as bytes, forms with or without the token, cookies by hand.</summary>
public static class HostileRequests
{
    public const string Script = "<script>alert(1)</script>";
    public const string OrOneEqualsOne = "' OR 1=1 --";
    public const string DropTable = "\"; DROP TABLE ratings; --";

    /// <summary>A body exactly as written, as the victim, with the antiforgery header unless told otherwise.</summary>
    public static async Task<HttpResponseMessage> VictimSendAsync(this HostileAppFixture app, HttpMethod method, string url,
        string? body = null, string contentType = "application/json", bool withToken = true, bool chunked = false)
    {
        var client = app.Browser(signedIn: true);
        var request = new HttpRequestMessage(method, url);
        if (withToken) request.Headers.Add("X-CSRF-TOKEN", await client.ApiTokenAsync());
        if (body is not null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            // A stream of unknown length goes out without Content-Length, as a chunked upload would.
            request.Content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType + "; charset=utf-8");
        }
        return await client.SendAsync(request);
    }

    /// <summary>PUT /api/ratings/{movieId} as the victim with this exact JSON text.</summary>
    public static Task<HttpResponseMessage> PutRatingAsync(this HostileAppFixture app, string json, int movieId = 1) =>
        app.VictimSendAsync(HttpMethod.Put, $"/api/ratings/{movieId}", json);

    public static Task<HttpResponseMessage> GetAsync(this HostileAppFixture app, string url, bool signedIn = false) =>
        app.Browser(signedIn).GetAsync(url);

    /// <summary>A form post from a fresh browser, with the token of the form's own page unless told otherwise.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HostileAppFixture app, string url, Dictionary<string, string> fields,
        bool signedIn = false, bool withToken = true) =>
        app.Browser(signedIn).PostFormAsync(url, fields, withToken);

    /// <summary>The star widget's plain form post, as the victim.</summary>
    public static Task<HttpResponseMessage> PostWidgetAsync(this HostileAppFixture app, string rating, string movieId = "1", string returnUrl = "/Ratings") =>
        app.PostFormAsync("/Ratings?handler=Rate",
            new Dictionary<string, string> { ["movieId"] = movieId, ["rating"] = rating, ["returnUrl"] = returnUrl }, signedIn: true);

    public static Task<HttpResponseMessage> RegisterAsync(this HostileAppFixture app, string username, string password = WebSession.Password,
        string? confirm = null) =>
        app.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = password, ["ConfirmPassword"] = confirm ?? password,
        });

    public static Task<HttpResponseMessage> LogInAsync(this HostileAppFixture app, string username, string password = WebSession.Password,
        string? returnUrl = null) =>
        app.PostFormAsync("/Account/Login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)),
            new Dictionary<string, string> { ["Username"] = username, ["Password"] = password });

    /// <summary>A request carrying exactly this Cookie header and nothing else of a session.</summary>
    public static Task<HttpResponseMessage> SendWithCookieAsync(this HostileAppFixture app, HttpMethod method, string url, string cookieHeader,
        string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return app.BareClient().SendAsync(request);
    }

    /// <summary>A read-only stream that will not tell its length, so the client cannot send Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
