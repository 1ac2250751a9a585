using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Web;

/// <summary>
/// Sessions:RecheckSeconds as deployed (30 s, not the other tests' 0): a session revoked through
/// this instance ends at once; one revoked behind its back (another instance on the store, or
/// `users set-password`) ends once the interval has passed, and not before.
/// </summary>
public sealed class SessionRecheckIntervalTests : IDisposable
{
    private readonly MovieRecAppFactory _factory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly WebApplicationFactory<Program> _app;

    public SessionRecheckIntervalTests()
    {
        _factory.ExtraSettings["Sessions:RecheckSeconds"] = "30";
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private IUserStore Users => _app.Services.GetRequiredService<IMovieRecStore>().Users;

    private async Task<(HttpClient Browser, string SavedCookie, int UserId)> SignedInAsync()
    {
        string name = "interval-" + Guid.NewGuid().ToString("N")[..8];
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.RegisterAsync(name);
        var account = await Users.GetByNameAsync(name);
        return (browser, WebSession.AuthCookie(response), account!.UserId);
    }

    [Fact]
    public async Task A_stamp_renewed_behind_the_apps_back_ends_the_session_within_the_interval_and_not_before()
    {
        var (_, saved, userId) = await SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, await _app.StatusWithOnlyCookieAsync(saved)); // checked now, kept 30 s

        await Users.RenewSecurityStampAsync(userId); // as another instance's logout would
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.OK, await _app.StatusWithOnlyCookieAsync(saved));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await _app.StatusWithOnlyCookieAsync(saved));
    }

    [Fact]
    public async Task A_logout_through_this_instance_ends_the_session_at_once_despite_the_interval()
    {
        var (browser, saved, _) = await SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, await _app.StatusWithOnlyCookieAsync(saved));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>())).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await _app.StatusWithOnlyCookieAsync(saved));
    }
}
