namespace MovieRec.Tests.Browser;

/// <summary>Every page, at desktop and phone width, has no serious or critical axe-core violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserAppFixture app)
{
    public static readonly int[] Widths = [1280, 390];

    [BrowserFact]
    public async Task Pages_of_a_visitor_pass_axe_at_both_widths()
    {
        foreach (int width in Widths)
        {
            await using var session = await app.NewSessionAsync(width: width);
            var page = session.Page;
            foreach (var (url, status) in new[]
                     {
                         ("/", 200), ("/Movies", 200), ("/Movies?q=matrix", 200), ("/Movies/Details/2571", 200),
                         ("/Account/Login", 200), ("/Account/Register", 200),
                         ("/nope", 404), ("/Movies/Details/99999999", 404), ("/Model", 403),
                     })
            {
                Assert.Equal(status, (await page.GotoAsync(url))!.Status);
                await page.AssertNoSeriousViolationsAsync($"{url} at {width} px");
            }
        }
    }

    [BrowserFact]
    public async Task Pages_of_a_person_with_ratings_pass_axe_at_both_widths()
    {
        foreach (int width in Widths)
        {
            await using var session = await app.DatasetUserSessionAsync(414, width: width);
            var page = session.Page;
            foreach (string url in new[] { "/", "/Movies", "/Movies/Details/2571", "/Picks", "/WatchList", "/Ratings", "/Ratings?sort=title&p=2" })
            {
                Assert.Equal(200, (await page.GotoAsync(url))!.Status);
                await page.AssertNoSeriousViolationsAsync($"{url} signed in at {width} px");
            }
        }
    }

    [BrowserFact]
    public async Task The_model_page_passes_axe_at_both_widths()
    {
        foreach (int width in Widths)
        {
            await using var session = await app.AdminSessionAsync(width: width);
            Assert.Equal(200, (await session.Page.GotoAsync("/Model"))!.Status);
            await session.Page.AssertNoSeriousViolationsAsync($"/Model at {width} px");
        }
    }
}
