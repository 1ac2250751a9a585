using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>My ratings in Chromium: a heavy rater's pages, sort, undo after delete, export and import.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MyRatingsBrowserTests(BrowserAppFixture app)
{
    /// <summary>ml-latest-small's user 414 rated 2,698 movies.</summary>
    private const int HeavyRater = 414;

    [BrowserFact]
    public async Task A_heavy_rater_gets_pages_of_fifty_sorted_as_asked_at_both_widths()
    {
        foreach (int width in new[] { 1280, 390 })
        {
            await using var session = await app.DatasetUserSessionAsync(HeavyRater, width: width);
            var page = session.Page;
            await page.GotoAsync("/Ratings");
            await Expect(page.Locator("[data-field=rating-count]")).ToHaveTextAsync(new Regex(@"You have rated 2,\d{3} movies\."));
            var cards = page.Locator("[data-section=my-ratings] > li");
            await Expect(cards).ToHaveCountAsync(50);
            var firstPage = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.movieCard)");

            await page.GetByRole(AriaRole.Link, new() { Name = "Next", Exact = true }).ClickToNewPageAsync();
            await Expect(page.Locator("[data-field=page-summary]")).ToContainTextAsync("page 2 of");
            var secondPage = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.movieCard)");
            Assert.Equal(50, secondPage.Length);
            Assert.Empty(firstPage.Intersect(secondPage));

            await page.Locator("select[name=sort]").SelectOptionAsync("title");
            // Read the titles only once the sorted page has loaded, not the page-2 list still shown or half the new one.
            await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickToNewPageAsync();
            await Expect(page).ToHaveURLAsync(new Regex("sort=title"));
            var titles = await page.Locator("[data-section=my-ratings] .movie-link").AllInnerTextsAsync();
            Assert.Equal(50, titles.Count);
            Assert.Equal(titles.OrderBy(t => t.ToLowerInvariant(), StringComparer.Ordinal), titles);

            Assert.True(await page.FitsWidthAsync(), $"My ratings scrolls sideways at {width} px");
            await Screenshots.SaveAsync(page, $"ratings-{width}");
            session.AssertNoScriptErrors();
        }
    }

    [BrowserFact]
    public async Task Undo_brings_a_deleted_rating_back_with_its_value()
    {
        await using var session = await app.DatasetUserSessionAsync(HeavyRater, width: 390);
        var page = session.Page;
        await page.GotoAsync("/Ratings?sort=title");
        var first = page.Locator("[data-section=my-ratings] > li").First;
        string movieId = (await first.GetAttributeAsync("data-movie-card"))!;
        string status = await first.Locator(".rating-status").InnerTextAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("was removed");
        await Expect(page.Locator($"[data-movie-card='{movieId}']")).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("sort=title"));
        await Screenshots.SaveAsync(page, "ratings-undo-390");

        await page.Locator("[data-action=undo]").ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("Your rating is back.");
        await Expect(page.Locator($"[data-movie-card='{movieId}'] .rating-status")).ToHaveTextAsync(status);
        session.AssertNoScriptErrors();
    }

    [BrowserFact]
    public async Task Exported_ratings_import_into_another_account()
    {
        string file = Path.Combine(Path.GetTempPath(), $"movierec-export-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var exporter = await app.NewSessionAsync())
            {
                await exporter.Page.RegisterAsync(PageActions.NewUsername("exporter"));
                await exporter.Page.GotoAsync("/Movies/Details/1");
                await exporter.Page.RateWithMouseAsync(1, 4.5);
                await exporter.Page.GotoAsync("/Movies/Details/2571");
                await exporter.Page.RateWithMouseAsync(2571, 2.0);
                await exporter.Page.GotoAsync("/Ratings");
                var download = await exporter.Page.RunAndWaitForDownloadAsync(() => exporter.Page.Locator("[data-action=export]").ClickAsync());
                Assert.Equal("ratings.csv", download.SuggestedFilename);
                await download.SaveAsAsync(file);
            }
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal("userId,movieId,rating,timestamp", lines[0]);
            Assert.Matches(@"^\d+,1,4\.5,\d+$", lines[1]);
            Assert.Matches(@"^\d+,2571,2\.0,\d+$", lines[2]);

            await using var importer = await app.NewSessionAsync(width: 390);
            var page = importer.Page;
            await page.RegisterAsync(PageActions.NewUsername("importer"));
            await page.GotoAsync("/Ratings");
            await page.Locator("input[type=file][name=file]").SetInputFilesAsync(file);
            await page.Locator("[data-action=import]").ClickAsync();
            await Expect(page.Locator("[role=status]").First).ToContainTextAsync("Imported 2 ratings.");
            await Expect(page.Locator("[data-field=rating-count]")).ToHaveTextAsync("You have rated 2 movies.");
            await Expect(page.Locator("[data-movie-card='1'] .rating-status")).ToHaveTextAsync("Your rating: 4.5");
            await Screenshots.SaveAsync(page, "ratings-imported-390");
            importer.AssertNoScriptErrors();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
