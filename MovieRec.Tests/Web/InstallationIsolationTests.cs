using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MovieRec.Tests.Web;

/// <summary>
/// Two installations on one host: each keeps its Data Protection key ring in its own data folder
/// under its own application name, and checks its installation id in every cookie, so a cookie of
/// one never signs anyone in on the other, even the user with the same id.
/// </summary>
public sealed class InstallationIsolationTests : IDisposable
{
    private readonly MovieRecAppFactory _first = new();
    private readonly MovieRecAppFactory _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task A_cookie_from_one_installation_means_nothing_to_another()
    {
        // The same first user id on both: the first registration of each fresh store.
        var response = await _first.CreateBrowser().RegisterAsync("same-id-one");
        await _second.CreateBrowser().RegisterAsync("same-id-two");
        string cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MovieRec.Auth=", StringComparison.Ordinal)).Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, await MeAsync(_first, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(_second, cookie));

        // Each key ring lives in its installation's own folder, beside its id.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_first.DataFolder, "keys"), "key-*.xml"));
        Assert.NotEqual(
            File.ReadAllText(Path.Combine(_first.DataFolder, "keys", "installation-id")),
            File.ReadAllText(Path.Combine(_second.DataFolder, "keys", "installation-id")));
    }

    private static async Task<HttpStatusCode> MeAsync(MovieRecAppFactory app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/ratings");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }
}
