using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>
/// A newcomer's whole path in a real browser: cold start, first ratings, personal picks, a movie
/// and its similar movies, a changed rating, and picks that outlive logging out and in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecommendationJourneyTests(BrowserAppFixture app)
{
    private static readonly double[] FirstRatings = [5.0, 4.5, 4.0, 5.0, 3.5];

    [BrowserFact]
    public async Task From_cold_start_to_personal_picks_that_survive_logging_in_again()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        string username = PageActions.NewUsername();
        await page.RegisterAsync(username);

        // Cold start: the popularity chart and the starter list, each starter with a star widget.
        await Expect(page).ToHaveURLAsync(app.Server.BaseUrl + "/");
        await Expect(page.Locator("[data-section=popular-chart] svg[data-chart=bars] rect")).ToHaveCountAsync(10);
        var starterLinks = page.Locator("[data-section=starters] li a.movie-link");
        await Expect(starterLinks).ToHaveCountAsync(12);
        await Screenshots.SaveAsync(page, "home-cold-start");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the cold-start home page scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "home-cold-start-390px");
        await page.SetViewportSizeAsync(1280, 800);

        // Five ratings with the star widget.
        var rated = (await starterLinks.MovieIdsAsync()).Take(FirstRatings.Length).ToList();
        for (int i = 0; i < rated.Count; i++)
            await page.RateWithMouseAsync(rated[i], FirstRatings[i]);

        // Picks: personal, so neither the rated movies nor simply the most popular ones.
        await page.GotoAsync("/");
        var pickLinks = page.Locator("[data-section=picks] li a.movie-link");
        await Expect(pickLinks.First).ToBeVisibleAsync();
        var picks = await pickLinks.MovieIdsAsync();
        Assert.Empty(picks.Intersect(rated));
        var popular = await PopularIdsAsync(session, picks.Count);
        Assert.NotEmpty(picks.Except(popular));
        await Screenshots.SaveAsync(page, "home-picks");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the home page with picks scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "home-picks-390px");
        await page.SetViewportSizeAsync(1280, 800);

        // A pick's page lists its similar movies.
        await pickLinks.First.ClickToNewPageAsync();
        await Expect(page).ToHaveURLAsync($"{app.Server.BaseUrl}/Movies/Details/{picks[0]}");
        await Expect(page.Locator("[data-section=similar] li a.movie-link").First).ToBeVisibleAsync();
        Assert.DoesNotContain(picks[0], await page.Locator("[data-section=similar] li a.movie-link").MovieIdsAsync());
        await Screenshots.SaveAsync(page, "movie-details");

        // Change one rating on its movie page; My ratings shows the new value.
        int changed = rated[0];
        await page.GotoAsync($"/Movies/Details/{changed}");
        await Expect(page.RatingWidget(changed).Locator("input[value='5.0']")).ToBeCheckedAsync();
        await page.RateWithMouseAsync(changed, 2.0);
        await page.GotoAsync("/Ratings");
        var changedCard = page.Locator("[data-section=my-ratings] > li").Filter(new() { Has = page.Locator($"form.rating-form[data-movie-id='{changed}']") });
        await Expect(changedCard.Locator(".rating-status")).ToHaveTextAsync("Your rating: 2.0");
        await Expect(changedCard.Locator("input[value='2.0']")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-section=my-ratings] > li")).ToHaveCountAsync(rated.Count);
        await Screenshots.SaveAsync(page, "my-ratings");

        // The picks as they are now come back after logging out and in again.
        await page.GotoAsync("/");
        var picksBefore = await pickLinks.MovieIdsAsync();
        await page.LogOutAsync();
        await Expect(page.Locator("[data-section=popular-chart]")).ToBeVisibleAsync();
        await page.LogInAsync(username);
        await Expect(page).ToHaveURLAsync(app.Server.BaseUrl + "/");
        await Expect(pickLinks.First).ToBeVisibleAsync();
        Assert.Equal(picksBefore, await pickLinks.MovieIdsAsync());

        // The other main pages, for the screenshots (and that they render with a model loaded).
        await page.GotoAsync("/Movies?q=star&sort=Popularity");
        await Expect(page.Locator("[data-section=movie-list] li").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "movies-search");
        // The model page is for administrators; a normal user gets the 403 page.
        Assert.Equal(403, (await page.GotoAsync("/Model"))!.Status);

        session.AssertNoScriptErrors();
    }

    /// <summary>The most rated movies, as the API lists them (the same ranking as the chart).</summary>
    private static async Task<List<int>> PopularIdsAsync(BrowserSession session, int count)
    {
        var response = await session.Api.GetAsync($"/api/popular?n={count}");
        Assert.True(response.Ok, $"GET /api/popular answered {response.Status}");
        var body = (await response.JsonAsync())!.Value;
        return body.EnumerateArray().Select(movie => movie.GetProperty("id").GetInt32()).ToList();
    }
}
