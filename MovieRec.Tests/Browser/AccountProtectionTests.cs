using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>Logins are throttled by lockout, and forms without their antiforgery token are refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountProtectionTests(BrowserAppFixture app)
{
    private const string Mismatch = "That username and password do not match.";
    private const string Locked = "Too many failed logins";

    [BrowserFact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        string username = await RegisteredUserAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/Account/Login");
        await Screenshots.SaveAsync(page, "login");

        // Each answer is read from the page that attempt brought: the one before already shows the
        // same message, so an expectation alone would pass on it before the answer came.
        var alert = page.Locator("main [role=alert]");
        for (int attempt = 1; attempt < 5; attempt++)
        {
            await page.ToNewPageAsync(() => page.SubmitLoginAsync(username, $"wrong password {attempt}"));
            await Expect(alert).ToHaveTextAsync(Mismatch);
        }
        await page.ToNewPageAsync(() => page.SubmitLoginAsync(username, "wrong password 5"));
        await Expect(alert).ToContainTextAsync(Locked);

        await page.ToNewPageAsync(() => page.SubmitLoginAsync(username, PageActions.Password));
        await Expect(alert).ToContainTextAsync(Locked);
        await Screenshots.SaveAsync(page, "login-locked");
        // Still signed out: the header offers to log in and the API does not know this browser.
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        Assert.Equal(401, (await session.Api.GetAsync("/api/me/ratings")).Status);
        session.AssertNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_login_form_posted_without_its_antiforgery_token_is_refused()
    {
        string username = await RegisteredUserAsync();
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/Account/Login");
        await page.EvaluateAsync("() => document.querySelector('main form input[name=__RequestVerificationToken]').remove()");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.SubmitLoginAsync(username, PageActions.Password),
            r => r.Request.Method == "POST" && r.Url.Contains("/Account/Login", StringComparison.Ordinal));
        Assert.Equal(400, response.Status);
        Assert.Equal(401, (await session.Api.GetAsync("/api/me/ratings")).Status);
    }

    [BrowserFact]
    public async Task A_rating_form_posted_without_its_antiforgery_token_stores_nothing()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername());
        await page.GotoAsync("/Movies/Details/1");
        var widget = page.RatingWidget(1);
        await widget.EvaluateAsync("form => form.querySelector('input[name=__RequestVerificationToken]').remove()");
        // Check the radio without its change event, so the page's script does not save it through the API.
        await widget.EvaluateAsync("form => { form.querySelector('input[value=\"4.0\"]').checked = true; }");

        var response = await page.RunAndWaitForResponseAsync(
            () => widget.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/Ratings", StringComparison.Ordinal));
        Assert.Equal(400, response.Status);
        var ratings = await session.Api.GetAsync("/api/me/ratings");
        Assert.Equal("[]", (await ratings.TextAsync()).Trim());
    }

    /// <summary>An account registered (and left) in a browser of its own.</summary>
    private async Task<string> RegisteredUserAsync()
    {
        await using var session = await app.NewSessionAsync();
        string username = PageActions.NewUsername("locked");
        await session.Page.RegisterAsync(username);
        await Expect(session.Page.Locator("header")).ToContainTextAsync(username);
        return username;
    }
}
