using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Web;

/// <summary>Register, log in, log out, lockout, open-redirect refusal, dataset users, cookie flags.</summary>
public class AccountTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    private static string NewName() => "person-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Register_signs_in_with_an_http_only_lax_cookie_and_hashes_the_password()
    {
        var client = app.CreateBrowser();
        string name = NewName();
        var response = await client.RegisterAsync(name);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MovieRec.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        // Served over plain HTTP here, so SameAsRequest leaves Secure off.
        Assert.DoesNotContain("secure", cookie.Replace("MovieRec", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(name, await client.GetStringAsync("/"));

        var account = await app.Services.GetRequiredService<IMovieRecStore>().Users.GetByNameAsync(name);
        Assert.NotNull(account?.PasswordHash);
        Assert.DoesNotContain(WebSession.Password, account!.PasswordHash);
    }

    [Fact]
    public async Task Register_explains_what_is_wrong()
    {
        var client = app.CreateBrowser();
        string shortPassword = await (await client.RegisterAsync(NewName(), "short")).Content.ReadAsStringAsync();
        Assert.Contains("at least 8 characters", shortPassword);

        string mismatch = await (await client.RegisterAsync(NewName(), WebSession.Password, "something else")).Content.ReadAsStringAsync();
        Assert.Contains("The two passwords differ.", mismatch);

        string hidden = await (await client.RegisterAsync("ad\u200Bmin")).Content.ReadAsStringAsync();
        Assert.Contains("invisible characters", hidden);

        string name = NewName();
        await app.CreateBrowser().RegisterAsync(name);
        string taken = await (await client.RegisterAsync(name.ToUpperInvariant())).Content.ReadAsStringAsync();
        Assert.Contains("already taken", taken);
    }

    [Fact]
    public async Task Text_entered_is_shown_back_encoded()
    {
        var client = app.CreateBrowser();
        string html = await (await client.RegisterAsync("<script>alert(1)</script>", "short")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Login_follows_a_local_return_url_and_refuses_another_site()
    {
        string name = NewName();
        await app.CreateBrowser().RegisterAsync(name);

        var local = await app.CreateBrowser().LogInAsync(name, returnUrl: "/Ratings");
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal("/Ratings", local.Headers.Location!.OriginalString);

        foreach (string evil in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example/" })
        {
            var response = await app.CreateBrowser().LogInAsync(name, returnUrl: evil);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Wrong_password_and_unknown_name_get_the_same_answer()
    {
        string name = NewName();
        await app.CreateBrowser().RegisterAsync(name);
        var wrong = await app.CreateBrowser().LogInAsync(name, "not the password");
        var unknown = await app.CreateBrowser().LogInAsync(NewName());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("do not match", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("do not match", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_against_the_right_password()
    {
        string name = NewName();
        await app.CreateBrowser().RegisterAsync(name);
        var client = app.CreateBrowser();
        for (int attempt = 1; attempt <= 4; attempt++)
            Assert.Contains("do not match", await (await client.LogInAsync(name, "wrong password " + attempt)).Content.ReadAsStringAsync());
        Assert.Contains("locked", await (await client.LogInAsync(name, "wrong password 5")).Content.ReadAsStringAsync());

        var right = await client.LogInAsync(name);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());

        var account = await app.Services.GetRequiredService<IMovieRecStore>().Users.GetByNameAsync(name);
        Assert.InRange(account!.LockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5.1));
    }

    [Fact]
    public async Task Dataset_users_without_a_password_cannot_log_in()
    {
        var response = await app.CreateBrowser().LogInAsync("movielens-1", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var guess = await app.CreateBrowser().LogInAsync("movielens-1", "password123");
        Assert.Contains("do not match", await guess.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_is_a_post_with_the_token()
    {
        var client = await app.SignedInBrowserAsync();
        var forged = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/ratings")).StatusCode);

        var logout = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me/ratings")).StatusCode);
    }

    [Fact]
    public async Task A_login_post_without_the_token_is_refused()
    {
        var response = await app.CreateBrowser().PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Username"] = "x", ["Password"] = "y" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
