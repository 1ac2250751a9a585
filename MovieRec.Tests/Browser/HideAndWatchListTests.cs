using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>
/// "Not interested" and the watch-list on pick cards and similar-movie cards, the Watch-list page,
/// and rating a pick by keyboard alone; with the half-star touch target measured on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HideAndWatchListTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task Hide_removes_a_movie_from_picks_and_similar_lists_and_the_watch_list_keeps_what_is_added()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("lists"));
        var starters = await page.Locator("[data-section=starters] li a.movie-link").MovieIdsAsync();
        foreach (var movieId in starters.Take(3)) await page.RateWithMouseAsync(movieId, 4.5);

        await page.GotoAsync("/");
        var pickLinks = page.Locator("[data-section=picks] li a.movie-link");
        await Expect(pickLinks.First).ToBeVisibleAsync();
        var picks = await pickLinks.MovieIdsAsync();
        int watched = picks[0], hidden = picks[1];

        // Watch-list: the button turns into "Remove from watch-list" without a reload.
        var watchedCard = page.Locator($"[data-movie-card='{watched}']");
        await watchedCard.GetByRole(AriaRole.Button, new() { Name = "Add to watch-list" }).ClickAsync();
        await Expect(watchedCard.GetByRole(AriaRole.Button, new() { Name = "Remove from watch-list" })).ToBeVisibleAsync();

        // Not interested: the card leaves at once, and the pick stays away after a reload.
        await page.Locator($"[data-movie-card='{hidden}']").GetByRole(AriaRole.Button, new() { Name = "Not interested" }).ClickAsync();
        await Expect(page.Locator($"[data-movie-card='{hidden}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#list-announcer")).ToContainTextAsync("hidden");
        await page.ReloadAsync();
        await Expect(pickLinks.First).ToBeVisibleAsync();
        Assert.DoesNotContain(hidden, await pickLinks.MovieIdsAsync());
        await Expect(page.Locator($"[data-movie-card='{watched}']").GetByRole(AriaRole.Button, new() { Name = "Remove from watch-list" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "picks-with-card-actions");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the picks with card actions scroll sideways at 390 px");
        await Screenshots.SaveAsync(page, "picks-with-card-actions-390px");
        await page.SetViewportSizeAsync(1280, 800);

        // Similar movies: hiding one there removes it from that list for good, too.
        await page.GotoAsync($"/Movies/Details/{watched}");
        var similarLinks = page.Locator("[data-section=similar] li a.movie-link");
        await Expect(similarLinks.First).ToBeVisibleAsync();
        var similar = await similarLinks.MovieIdsAsync();
        Assert.DoesNotContain(hidden, similar);
        int hiddenSimilar = similar[0];
        await page.Locator($"[data-section=similar] [data-movie-card='{hiddenSimilar}']").GetByRole(AriaRole.Button, new() { Name = "Not interested" }).ClickAsync();
        await Expect(page.Locator($"[data-section=similar] [data-movie-card='{hiddenSimilar}']")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(similarLinks.First).ToBeVisibleAsync();
        Assert.DoesNotContain(hiddenSimilar, await similarLinks.MovieIdsAsync());
        await Screenshots.SaveAsync(page, "movie-details-similar-actions");

        // The Watch-list page: the movie with its star widget; rating it, then removing it.
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Watch-list" }).ClickAsync();
        var items = page.Locator("[data-section=watchlist] > li");
        await Expect(items).ToHaveCountAsync(1);
        Assert.Equal([watched], await items.Locator("a.movie-link").MovieIdsAsync());
        await page.RateWithMouseAsync(watched, 3.5);
        await Screenshots.SaveAsync(page, "watch-list");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the watch-list scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "watch-list-390px");
        await page.SetViewportSizeAsync(1280, 800);
        await items.GetByRole(AriaRole.Button, new() { Name = "Remove from watch-list" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-section=watchlist-empty]")).ToBeVisibleAsync();
        session.AssertNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_pick_card_is_rated_by_keyboard_alone_and_half_stars_are_24px_targets_on_a_phone()
    {
        await using var session = await app.NewSessionAsync(width: 390, height: 844);
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("pickkeys"));
        var starters = await page.Locator("[data-section=starters] li a.movie-link").MovieIdsAsync();
        await page.RateWithMouseAsync(starters[0], 5.0);
        await page.GotoAsync("/");
        var pickLinks = page.Locator("[data-section=picks] li a.movie-link");
        await Expect(pickLinks.First).ToBeVisibleAsync();
        int pick = (await pickLinks.MovieIdsAsync())[0];
        var widget = page.RatingWidget(pick);

        foreach (var label in await widget.Locator("label.star").AllAsync())
        {
            var box = await label.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= 24 && box.Height >= 24, $"a half star is {box.Width} x {box.Height} CSS px on a phone");
        }

        // From the pick's title link, Tab moves through the card until the star group is reached.
        await pickLinks.First.FocusAsync();
        for (int tab = 0; tab < 3 && !await widget.Locator("input[value='0.5']").EvaluateAsync<bool>("e => e === document.activeElement"); tab++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(widget.Locator("input[value='0.5']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        for (int step = 0; step < 7; step++) await page.Keyboard.PressAsync("ArrowRight");
        await Expect(widget.Locator(".rating-status")).ToHaveTextAsync("Saved: 4.0");
        await Screenshots.SaveAsync(page, "pick-card-keyboard-390px");

        var response = await session.Api.GetAsync("/api/me/ratings");
        var stored = (await response.JsonAsync())!.Value.EnumerateArray().Single(r => r.GetProperty("movieId").GetInt32() == pick);
        Assert.Equal(4.0, stored.GetProperty("rating").GetDouble());
        session.AssertNoScriptErrors();
    }
}
