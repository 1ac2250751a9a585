using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>The movie page in Chromium: the generated poster, the predicted rating, tag links, poster cards, long titles on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MovieDetailsBrowserTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task Without_tmdb_the_poster_is_the_generated_svg_and_a_signed_in_rater_sees_a_prediction()
    {
        foreach (int width in new[] { 1280, 390 })
        {
            await using var session = await app.DatasetUserSessionAsync(414, width: width);
            var page = session.Page;
            var poster = page.WaitForResponseAsync(r => r.Url.EndsWith("/posters/2571", StringComparison.Ordinal));
            await page.GotoAsync("/Movies/Details/2571");
            var answer = await poster;
            Assert.StartsWith("image/svg+xml", await answer.HeaderValueAsync("content-type") ?? "");

            var image = page.Locator("img[data-poster='2571']");
            await Expect(image).ToBeVisibleAsync();
            Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the poster did not load");
            Assert.True(await page.Locator("[data-section=similar] img[data-poster]").CountAsync() > 0);
            await Expect(page.Locator("[data-field=predicted]")).ToHaveTextAsync(new Regex(@"^\d\.\d \(from your ratings\)$"));
            Assert.True(await page.FitsWidthAsync(), $"the movie page scrolls sideways at {width} px");
            await Screenshots.SaveAsync(page, $"movie-details-{width}");
            session.AssertNoScriptErrors();
        }
    }

    [BrowserFact]
    public async Task A_tag_links_to_the_tag_search()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/Movies/Details/2571");
        var tag = page.Locator("[data-field=tags] a.tag-link").First;
        string text = await tag.InnerTextAsync();

        await tag.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Movies\?tag=" + Regex.Escape(Uri.EscapeDataString(text)).Replace("%20", "(%20|\\+)") + "$"));
    }

    [BrowserFact]
    public async Task A_five_thousand_character_title_wraps_on_a_phone_and_on_its_poster()
    {
        string folder = Directory.CreateTempSubdirectory("movierec-long-title-").FullName;
        try
        {
            string title = string.Join(" ", Enumerable.Repeat("Supercalifragilisticexpialidocious and the very long sequel", 85))[..5000];
            await File.WriteAllTextAsync(Path.Combine(folder, "movies.csv"), $"movieId,title,genres\n990001,\"{title} (2020)\",Comedy|Drama\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "ratings.csv"), "userId,movieId,rating,timestamp\n990001,990001,4.0,1600000000\n");
            await app.ImportAsync(folder);

            await using var session = await app.NewSessionAsync(width: 390);
            var page = session.Page;
            Assert.Equal(200, (await page.GotoAsync("/Movies/Details/990001"))!.Status);
            await Expect(page.Locator("h1")).ToContainTextAsync("Supercalifragilisticexpialidocious");
            Assert.True(await page.FitsWidthAsync(), "a 5,000-character title scrolls the page sideways at 390 px");
            Assert.True(await page.Locator("img[data-poster='990001']").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
            await page.Locator("h1").ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "movie-long-title-390");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
