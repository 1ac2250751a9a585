using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>The model page is an administrator's: in their menu, readable on a phone; a 403 page for anyone else.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModelPageBrowserTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task An_administrator_sees_the_model_page_in_plain_words_at_both_widths()
    {
        foreach (int width in new[] { 1280, 390 })
        {
            await using var session = await app.AdminSessionAsync(width: width);
            var page = session.Page;
            await page.Locator("nav[aria-label=Main]").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Model", Exact = true }).ClickAsync();
            await Expect(page.Locator("[data-section=curve] svg[data-chart=lines]")).ToBeVisibleAsync();
            await Expect(page.Locator("main")).Not.ToContainTextAsync("NotNeeded");
            Assert.True(await page.FitsWidthAsync(), $"the model page scrolls sideways at {width} px");
            await Screenshots.SaveAsync(page, $"model-status-{width}");
            session.AssertNoScriptErrors();
        }
    }

    [BrowserFact]
    public async Task A_visitor_gets_the_403_page_and_no_menu_link()
    {
        await using var session = await app.NewSessionAsync(width: 390);
        var page = session.Page;
        Assert.Equal(403, (await page.GotoAsync("/Model"))!.Status);
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("The model page is for administrators.");
        await Expect(page.Locator("nav[aria-label=Main] a", new() { HasText = "Model" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "error-403-390");
    }
}
