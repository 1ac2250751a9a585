using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Storage;
using MovieRec.Tests.Helpers;

namespace MovieRec.Tests.Web;

/// <summary>What a browser does in the tests: read antiforgery tokens from pages, post forms, log in, call the API with the header token.</summary>
public static partial class WebSession
{
    public const string Password = "correct horse battery";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    public static async Task<string> FormTokenAsync(this HttpClient client, string url)
    {
        string html = await client.GetStringAsync(url);
        var match = FormToken().Match(html);
        Assert.True(match.Success, $"no antiforgery field in the form of {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The token the page gives its scripts, for the X-CSRF-TOKEN header.</summary>
    public static async Task<string> ApiTokenAsync(this HttpClient client)
    {
        string html = await client.GetStringAsync("/Account/Logout");
        var match = MetaToken().Match(html);
        Assert.True(match.Success, "no csrf-token meta tag in the layout");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, bool withToken = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (withToken) values["__RequestVerificationToken"] = await client.FormTokenAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string username, string password = Password, string? confirm = null) =>
        client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = password, ["ConfirmPassword"] = confirm ?? password,
        });

    public static Task<HttpResponseMessage> LogInAsync(this HttpClient client, string username, string password = Password, string? returnUrl = null) =>
        client.PostFormAsync("/Account/Login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)),
            new Dictionary<string, string> { ["Username"] = username, ["Password"] = password });

    /// <summary>A fresh browser with a fresh account, registered (which signs it in).</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this MovieRecAppFactory app, string? username = null)
    {
        var client = app.CreateBrowser();
        var response = await client.RegisterAsync(username ?? "user-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An administrator: created in the store with the admin role (as `users grant-admin` would), then logged in.</summary>
    public static async Task<HttpClient> AdminBrowserAsync(this MovieRecAppFactory app)
    {
        var client = app.CreateBrowser();
        await client.GetAsync("/"); // starts the app, so the store exists
        string name = "admin-" + Guid.NewGuid().ToString("N")[..8];
        var store = app.Services.GetRequiredService<IMovieRecStore>();
        var hasher = app.Services.GetRequiredService<IPasswordHasher<UserAccount>>();
        var placeholder = new UserAccount(0, name, null, [], 0, null, DateTimeOffset.UtcNow);
        await store.Users.CreateAsync(name, hasher.HashPassword(placeholder, Password), [RoleRules.Admin]);
        var response = await client.LogInAsync(name);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SendWithTokenAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-CSRF-TOKEN", await client.ApiTokenAsync());
        if (body is not null) request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    /// <summary>The sign-in cookie a response set, as "MovieRec.Auth=value": what someone who copied it would replay.</summary>
    public static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MovieRec.Auth=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>GET <paramref name="url"/> carrying only <paramref name="cookie"/>: 200 while it signs someone in, 401 once it does not.</summary>
    public static async Task<HttpStatusCode> StatusWithOnlyCookieAsync(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app,
        string cookie, string url = "/api/me/ratings")
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public static Task<HttpResponseMessage> RateAsync(this HttpClient client, int movieId, double rating) =>
        client.SendWithTokenAsync(HttpMethod.Put, $"/api/ratings/{movieId}", new { rating });

    /// <summary>Waits until /health says the model file present at startup is loaded (the reloader, a hosted service, loads it in its own time).</summary>
    public static Task WaitForModelAsync(this HttpClient client) =>
        Eventually.HoldsAsync(async () => (await client.GetStringAsync("/health")).Contains("\"loaded\":true", StringComparison.Ordinal),
            "the model file present at startup is loaded");
}
