using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>A person who follows a dead link sees a status page in the site's layout, on a desktop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorPageBrowserTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task A_missing_movie_shows_the_404_page_with_the_menu_at_both_widths()
    {
        foreach (int width in new[] { 1280, 390 })
        {
            await using var session = await app.NewSessionAsync(width: width);
            var page = session.Page;
            var response = await page.GotoAsync("/Movies/Details/99999999");
            Assert.Equal(404, response!.Status);
            await Expect(page.Locator("h1")).ToContainTextAsync("404");
            await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("There is no movie with id 99999999.");
            await Expect(page.Locator("nav[aria-label=Main]")).ToBeVisibleAsync();
            Assert.True(await page.FitsWidthAsync(), $"the 404 page scrolls sideways at {width} px");
            await Screenshots.SaveAsync(page, $"error-404-{width}");
            session.AssertNoScriptErrors();
        }
    }
}
