using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// One app for the whole hostile suite, with a victim: a signed-in person with three ratings whose
/// data every attack tries to change, an administrator, and an account that only the returnUrl
/// attacks log in to.
/// </summary>
public sealed class HostileAppFixture : IAsyncLifetime
{
    public const string AuthCookie = "MovieRec.Auth";
    public const string AntiforgeryCookie = "MovieRec.Antiforgery";
    public const string ReturnerName = "returner";

    public MovieRecAppFactory App { get; } = new();
    public string VictimName { get; } = "victim-" + Guid.NewGuid().ToString("N")[..8];
    public int VictimId { get; private set; }
    /// <summary>The victim's real sign-in cookie value, as the app issued it.</summary>
    public string VictimCookie { get; private set; } = "";
    public HttpClient Admin { get; private set; } = null!;
    public IMovieRecStore Store => App.Services.GetRequiredService<IMovieRecStore>();

    public async Task InitializeAsync()
    {
        var registration = await App.CreateBrowser().RegisterAsync(VictimName);
        Assert.Equal(HttpStatusCode.Redirect, registration.StatusCode);
        VictimCookie = registration.Headers.GetValues("Set-Cookie")
            .Select(header => header.Split(';')[0])
            .Single(pair => pair.StartsWith(AuthCookie + "=", StringComparison.Ordinal))[(AuthCookie.Length + 1)..];
        VictimId = (await Store.Users.GetByNameAsync(VictimName))!.UserId;

        var victim = Browser(signedIn: true);
        foreach (var (movie, rating) in new[] { (1, 4.0), (2, 3.5), (6, 2.0) })
            Assert.Equal(HttpStatusCode.OK, (await victim.RateAsync(movie, rating)).StatusCode);

        Admin = await App.AdminBrowserAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateBrowser().RegisterAsync(ReturnerName)).StatusCode);
    }

    /// <summary>
    /// A fresh browser (own cookie jar, no automatic redirects), signed in as the victim when asked.
    /// Fresh for every attack, so that one attack's cookies never leak into the next.
    /// </summary>
    public HttpClient Browser(bool signedIn = false)
    {
        var jar = new CookieContainer();
        if (signedIn) jar.Add(new Uri("http://localhost/"), new Cookie(AuthCookie, VictimCookie, "/"));
        return App.CreateDefaultClient(new CookieContainerHandler(jar));
    }

    /// <summary>A client that sends only the cookies a request names itself: for forged and malformed cookies.</summary>
    public HttpClient BareClient() => App.CreateDefaultClient();

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
