using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>The Picks page: more picks on request, genre and decade filters, and the stated order.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PicksPageTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task Show_more_adds_picks_and_filters_keep_only_matching_movies()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("picks"));
        var starters = await page.Locator("[data-section=starters] li a.movie-link").MovieIdsAsync();
        foreach (var movieId in starters.Take(3)) await page.RateWithMouseAsync(movieId, 4.0);

        // The home page has a picks list too: wait for the Picks page itself before counting.
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Picks" }).ClickToNewPageAsync();
        var cards = page.Locator("[data-section=picks] > li");
        await Expect(cards).ToHaveCountAsync(20);
        await Expect(page.GetByText("Ordered by how well they match you")).ToBeVisibleAsync();
        var firstPage = await cards.Locator("a.movie-link").MovieIdsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show more picks" }).ClickToNewPageAsync();
        await Expect(cards).ToHaveCountAsync(40);
        var twoPages = await cards.Locator("a.movie-link").MovieIdsAsync();
        Assert.Equal(firstPage, twoPages.Take(20));
        Assert.Equal(40, twoPages.Distinct().Count());
        Assert.Empty(twoPages.Intersect(starters.Take(3)));

        await page.GotoAsync("/Picks");
        await page.GetByLabel("Genre").SelectOptionAsync("Comedy");
        await page.GetByLabel("Decade").SelectOptionAsync("1990");
        // Unfiltered picks are visible before the form is sent: read the filtered page only once it has loaded.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show picks" }).ClickToNewPageAsync();
        await Expect(page).ToHaveURLAsync(new Regex("genre=Comedy.*decade=1990|decade=1990.*genre=Comedy"));
        await Expect(cards.First).ToBeVisibleAsync();
        Assert.InRange(await cards.CountAsync(), 1, 20);
        foreach (var card in await cards.AllAsync())
        {
            var title = await card.Locator("a.movie-link").InnerTextAsync();
            Assert.Matches(Nineties(), title);
            Assert.Contains("Comedy", await card.Locator("p").First.InnerTextAsync());
        }
        await Screenshots.SaveAsync(page, "picks-filtered");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the Picks page scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "picks-filtered-390px");
        session.AssertNoScriptErrors();
    }

    [BrowserFact]
    public async Task The_movies_list_marks_what_you_rated_and_rates_in_place()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("rows"));
        await page.GotoAsync("/Movies?sort=Popularity");
        var rows = page.Locator("[data-section=movie-list] > li");
        await Expect(rows.First).ToBeVisibleAsync();
        var ids = await rows.Locator("a.movie-link").MovieIdsAsync();
        await Expect(page.Locator("[data-rated=true]")).ToHaveCountAsync(0);

        await page.RateWithMouseAsync(ids[1], 3.0);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-rated=true]")).ToHaveCountAsync(1);
        var rated = rows.Nth(1);
        await Expect(rated.GetByText("Rated", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(rated.Locator(".rating-status")).ToHaveTextAsync("Your rating: 3.0");
        await Expect(rated.Locator("input[value='3.0']")).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "movies-list-rated");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the movies list scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "movies-list-rated-390px");
        session.AssertNoScriptErrors();
    }

    [GeneratedRegex(@"\(199\d\)\s*$")]
    private static partial Regex Nineties();
}
