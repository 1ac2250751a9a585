using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MovieRec.Tests.Web;

/// <summary>Security headers on every answer, methods the app does not serve, HSTS over HTTPS, and forwarded headers behind a proxy.</summary>
public partial class SecurityHeaderTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [Theory]
    [InlineData("/")]
    [InlineData("/Movies")]
    [InlineData("/Model")]
    [InlineData("/Account/Login")]
    [InlineData("/api/popular")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var response = await app.CreateBrowser().GetAsync(url);

        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP means nothing");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Movies")]
    [InlineData("/Model")]
    [InlineData("/Ratings")]
    [InlineData("/Account/Register")]
    [InlineData("/no-such-page")]
    public async Task Pages_have_no_inline_script_so_the_policy_can_forbid_it(string url)
    {
        // An administrator: /Model is theirs (anyone else gets the status page, covered by /no-such-page).
        var browser = await app.AdminBrowserAsync();
        using var response = await browser.GetAsync(url);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<main", html);

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/Model")]
    [InlineData("TRACK", "/")]
    [InlineData("PATCH", "/Movies")]
    public async Task Methods_the_app_does_not_serve_get_405(string method, string url)
    {
        using var response = await app.CreateBrowser().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Head_of_health_answers_like_get()
    {
        // The real server (Kestrel) drops HEAD bodies; HostileModelFileServerTests checks HEAD there too.
        using var response = await app.CreateBrowser().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Https_answers_carry_hsts()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://movierec.example/"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/");

        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_terminates_tls_the_cookie_is_secure_and_only_when_enabled()
    {
        Assert.DoesNotContain("secure", await RegisterBehindProxyAsync(enabled: false), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", await RegisterBehindProxyAsync(enabled: true), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Registers through a "proxy" at 127.0.0.1 that says the client used HTTPS; returns the sign-in cookie's attributes.</summary>
    private async Task<string> RegisterBehindProxyAsync(bool enabled)
    {
        using var proxied = app.WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ReverseProxy:Enabled"] = enabled ? "true" : "false",
            }));
            // The test server has no TCP connection: the request comes from the proxy's loopback address.
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromLoopback>());
        });
        // Cookies by hand: a cookie container would not send a Secure cookie back over the test's plain HTTP.
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        using var form = await client.GetAsync("/Account/Register");
        string antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MovieRec.Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        string token = WebUtility.HtmlDecode(FormToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        string name = "proxied-" + Guid.NewGuid().ToString("N")[..8];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Register")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = name, ["Password"] = WebSession.Password, ["ConfirmPassword"] = WebSession.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MovieRec.Auth=", StringComparison.Ordinal));
        return cookie[cookie.IndexOf(';')..];
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}
