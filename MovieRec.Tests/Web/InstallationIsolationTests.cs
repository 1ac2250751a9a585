using System.Net;

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
        string cookie = WebSession.AuthCookie(response);

        Assert.Equal(HttpStatusCode.OK, await _first.StatusWithOnlyCookieAsync(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await _second.StatusWithOnlyCookieAsync(cookie));

        // Each key ring lives in its installation's own folder, beside its id.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_first.DataFolder, "keys"), "key-*.xml"));
        Assert.NotEqual(
            File.ReadAllText(Path.Combine(_first.DataFolder, "keys", "installation-id")),
            File.ReadAllText(Path.Combine(_second.DataFolder, "keys", "installation-id")));
    }
}
