using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>
/// Text a person typed comes back on the pages as text: encoded, shown literally, never run. Each
/// payload sets window.__xss if a browser ever executes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EncodingTests(BrowserAppFixture app)
{
    private const string ImagePayload = "<img src=x onerror=\"window.__xss=1\">";
    private const string ScriptPayload = "<script>window.__xss=1</script>";

    [BrowserFact]
    public async Task A_username_with_markup_is_shown_as_text_on_every_page()
    {
        string username = ImagePayload + Guid.NewGuid().ToString("N")[..6];
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(username);

        foreach (var url in new[] { "/", "/Movies", "/Movies/Details/1", "/Ratings", "/Model" })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("header")).ToContainTextAsync(username);
            await AssertNothingRanAsync(page, url);
        }

        // Registering the same name again echoes it in the error message: as text too.
        await using var second = await app.NewSessionAsync();
        await second.Page.SubmitRegistrationAsync(username);
        await Expect(second.Page.Locator("main [role=alert]")).ToContainTextAsync($"'{username}'");
        await AssertNothingRanAsync(second.Page, "the register error");
        session.AssertNoScriptErrors();
    }

    [BrowserFact]
    public async Task Search_text_genre_and_returnUrl_with_markup_are_shown_as_text()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/Movies?q=" + Uri.EscapeDataString(ScriptPayload));
        await Expect(page.Locator("input[name=q]")).ToHaveValueAsync(ScriptPayload);
        await AssertNothingRanAsync(page, "the search");

        await page.GotoAsync("/Movies?genre=" + Uri.EscapeDataString(ScriptPayload));
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync($"There is no genre \"{ScriptPayload}\"");
        await AssertNothingRanAsync(page, "the genre filter");

        string returnUrl = "\">" + ImagePayload + ScriptPayload;
        await page.GotoAsync("/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Expect(page.Locator("main input[name=ReturnUrl]")).ToHaveValueAsync(returnUrl);
        await AssertNothingRanAsync(page, "the login page");
        session.AssertNoScriptErrors();
    }

    /// <summary>No payload ran, and none became an element: the page has no injected img or inline script.</summary>
    private static async Task AssertNothingRanAsync(IPage page, string where)
    {
        // An injected image would fire onerror once its request for "x" fails: wait for the network to settle.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"a payload ran on {where}");
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        Assert.Equal(0, await page.Locator("script:not([src])").CountAsync());
    }
}
