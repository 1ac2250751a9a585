using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Web;

/// <summary>
/// A sign-in cookie copied before a logout, a password change, a role change or a lockout no
/// longer signs anyone in: each renews the account's security stamp, checked on every request.
/// </summary>
public class SessionRevocationTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    private IUserStore Users => app.Services.GetRequiredService<IMovieRecStore>().Users;

    /// <summary>Registers a person and returns their browser and a copy of the sign-in cookie, as an attacker would keep it.</summary>
    private async Task<(HttpClient Browser, string SavedCookie, string Name)> SignedInWithSavedCookieAsync()
    {
        string name = "saved-" + Guid.NewGuid().ToString("N")[..8];
        var browser = app.CreateBrowser();
        var response = await browser.RegisterAsync(name);
        return (browser, WebSession.AuthCookie(response), name);
    }

    private Task<HttpStatusCode> UseSavedCookieAsync(string cookie) => app.StatusWithOnlyCookieAsync(cookie);

    [Fact]
    public async Task A_cookie_saved_before_logout_is_refused_after_it()
    {
        var (browser, saved, _) = await SignedInWithSavedCookieAsync();
        Assert.Equal(HttpStatusCode.OK, await UseSavedCookieAsync(saved));

        var logout = await browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await UseSavedCookieAsync(saved));
    }

    [Fact]
    public async Task A_password_change_as_users_set_password_makes_it_ends_old_sessions()
    {
        var (_, saved, name) = await SignedInWithSavedCookieAsync();
        var account = await Users.GetByNameAsync(name);

        // What `users set-password` does: a new hash through the store.
        await Users.SetPasswordHashAsync(account!.UserId, account.PasswordHash);

        Assert.Equal(HttpStatusCode.Unauthorized, await UseSavedCookieAsync(saved));
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().LogInAsync(name)).StatusCode);
    }

    [Fact]
    public async Task Removing_the_admin_role_in_the_store_ends_admin_access_of_open_sessions()
    {
        var (admin, _, name) = await SignedInWithSavedCookieAsync();
        var account = await Users.GetByNameAsync(name);
        await Users.GrantRoleAsync(account!.UserId, RoleRules.Admin); // as `users grant-admin` would
        // Granting renewed the stamp, so this browser signs in again to hold the role.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LogInAsync(name)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload")).StatusCode);

        await Users.RevokeRoleAsync(account.UserId, RoleRules.Admin);

        var after = await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload");
        Assert.True(after.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {after.StatusCode}");
    }

    [Fact]
    public async Task A_lockout_ends_the_accounts_sessions()
    {
        var (_, saved, name) = await SignedInWithSavedCookieAsync();
        var attacker = app.CreateBrowser();
        for (int attempt = 0; attempt < 5; attempt++)
            await attacker.LogInAsync(name, "wrong password " + attempt);

        Assert.Equal(HttpStatusCode.Unauthorized, await UseSavedCookieAsync(saved));
    }

    [Fact]
    public async Task A_cookie_of_a_user_id_that_no_longer_matches_the_store_is_refused()
    {
        var (_, saved, name) = await SignedInWithSavedCookieAsync();
        var account = await Users.GetByNameAsync(name);
        await Users.RenewSecurityStampAsync(account!.UserId);

        Assert.Equal(HttpStatusCode.Unauthorized, await UseSavedCookieAsync(saved));
    }
}
