using Microsoft.Playwright;
using MovieRec.Tests.Helpers;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>
/// The first-steps flow from registration to picks without a reload, the familiar/new control of
/// the Picks page, and the offer to take a rated movie off the watch-list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstStepsAndSteeringTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task Onboarding_goes_from_registration_to_picks_that_refresh_after_each_rating_without_a_reload()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        int pickRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/recommendations", StringComparison.Ordinal)) Interlocked.Increment(ref pickRequests);
        };
        await page.RegisterAsync(PageActions.NewUsername("first"));

        // Visitors' chart and starters stay on the home page; the invitation leads to the flow.
        await Expect(page.Locator("[data-section=popular-chart]")).ToBeVisibleAsync();
        await page.Locator("[data-section=onboarding-invite]").GetByRole(AriaRole.Link, new() { Name = "Get my first picks" }).ClickAsync();
        await Expect(page.Locator("[data-section=onboarding-genres]")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "onboarding-genres");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the genre step scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "onboarding-genres-390px");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByLabel("Sci-Fi").CheckAsync();
        await page.GetByLabel("Action").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickToNewPageAsync();
        var progress = page.Locator("[data-section=onboarding-progress]");
        await Expect(progress).ToContainTextAsync("0 of 10 - your picks get better with each rating");
        var picksSection = page.Locator("[data-section=onboarding-picks]");
        var picks = picksSection.Locator("[data-pick]");
        await Expect(picks).ToHaveCountAsync(0);

        var movieCards = page.Locator("[data-section=onboarding-movies] li");
        var toRate = await page.Locator("[data-section=onboarding-movies] li a.movie-link").MovieIdsAsync();
        Assert.Equal(8, toRate.Count);
        foreach (var genres in await movieCards.Locator("p").AllTextContentsAsync())
            Assert.True(genres.Contains("Sci-Fi") || genres.Contains("Action"), $"not of the chosen genres: {genres}");

        // From here on the page must not reload: a marker on the window would be lost.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await page.RateWithMouseAsync(toRate[0], 4.5);
        await Expect(progress).ToContainTextAsync("1 of 10");
        // The picks are fetched after the rating is saved: wait for the answer asked after it (the
        // page script marks which one it shows), then the list shown is that answer's.
        await Expect(picksSection).ToHaveAttributeAsync("data-picks-after-ratings", "1");
        await Expect(picks.First).ToBeVisibleAsync();
        var afterOne = await picks.Locator("a.movie-link").MovieIdsAsync();
        Assert.DoesNotContain(toRate[0], afterOne);

        double[] stars = [1.0, 5.0, 2.0];
        for (int n = 1; n <= 3; n++) await page.RateWithMouseAsync(toRate[n], stars[n - 1]);
        await Expect(progress).ToContainTextAsync("4 of 10 - your picks get better with each rating");
        // The answer to the fourth rating is shown (an earlier one, still on its way, is dropped by
        // the script): none of the four rated movies is among the picks then.
        await Expect(picksSection).ToHaveAttributeAsync("data-picks-after-ratings", "4");
        await Expect(picks.First).ToBeVisibleAsync();
        var afterFour = await picks.Locator("a.movie-link").MovieIdsAsync();
        Assert.Empty(afterFour.Intersect(toRate.Take(4)));
        // Each rating fetched the picks again (the fourth request went out before its answer came).
        await Eventually.HoldsAsync(() => Volatile.Read(ref pickRequests) >= 4, $"{pickRequests} refreshes of the picks for 4 ratings");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded");
        await Screenshots.SaveAsync(page, "onboarding-rating");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the rating step scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "onboarding-rating-390px");
        await page.SetViewportSizeAsync(1280, 800);

        // "Show me others": a new page of movies, none of those rated.
        // A link to the next page of movies: the progress shown before it already said "4 of 10".
        await page.Locator("[data-action=show-others]").ClickToNewPageAsync();
        await Expect(progress).ToContainTextAsync("4 of 10");
        var others = await page.Locator("[data-section=onboarding-movies] li a.movie-link").MovieIdsAsync();
        Assert.NotEmpty(others);
        Assert.Empty(others.Intersect(toRate));

        // Skip at any time: back home, no more invitation, the picks there.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip for now" }).ClickAsync();
        await Expect(page.Locator("[data-section=picks] li").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-section=onboarding-invite]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_familiar_new_steps_change_the_picks_and_the_step_is_kept()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("steer"));
        var starters = await page.Locator("[data-section=starters] li a.movie-link").MovieIdsAsync();
        foreach (var movieId in starters.Take(4)) await page.RateWithMouseAsync(movieId, 4.5);

        await page.GotoAsync("/Picks");
        var pickLinks = page.Locator("[data-section=picks] > li a.movie-link");
        await Expect(pickLinks.First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Balanced")).ToBeCheckedAsync();
        var balanced = await pickLinks.MovieIdsAsync();

        // Apply posts the form and the page comes back with the new list; "Most new" is checked
        // before the post already, so only the new page proves the answer is in.
        await page.GetByLabel("Most new").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickToNewPageAsync();
        await Expect(page.GetByLabel("Most new")).ToBeCheckedAsync();
        var adventurous = await pickLinks.MovieIdsAsync();
        Assert.NotEqual(balanced, adventurous);
        await Screenshots.SaveAsync(page, "picks-familiar-new");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the familiar/new control scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "picks-familiar-new-390px");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByLabel("Most familiar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickToNewPageAsync();
        await Expect(page.GetByLabel("Most familiar")).ToBeCheckedAsync();
        var familiar = await pickLinks.MovieIdsAsync();
        Assert.NotEqual(adventurous, familiar);

        // Saved for the person: a new visit keeps the step and its list.
        await page.GotoAsync("/Picks");
        await Expect(page.GetByLabel("Most familiar")).ToBeCheckedAsync();
        Assert.Equal(familiar, await pickLinks.MovieIdsAsync());
    }

    [BrowserFact]
    public async Task Rating_a_watch_listed_movie_offers_to_take_it_off_the_watch_list()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("offer"));
        var starters = await page.Locator("[data-section=starters] li a.movie-link").MovieIdsAsync();
        await page.RateWithMouseAsync(starters[0], 4.0);
        await page.GotoAsync($"/Movies/Details/{starters[0]}");
        var similarCard = page.Locator("[data-section=similar] [data-movie-card]").First;
        await Expect(similarCard).ToBeVisibleAsync();
        int movieId = int.Parse((await similarCard.GetAttributeAsync("data-movie-card"))!, System.Globalization.CultureInfo.InvariantCulture);
        await similarCard.GetByRole(AriaRole.Button, new() { Name = "Add to watch-list" }).ClickAsync();
        await Expect(similarCard.GetByRole(AriaRole.Button, new() { Name = "Remove from watch-list" })).ToBeVisibleAsync();

        await page.GotoAsync("/WatchList");
        await page.RateWithMouseAsync(movieId, 4.5);
        var offer = page.Locator($".watchlist-offer[data-watchlist-offer='{movieId}']");
        await Expect(offer).ToContainTextAsync("which is on your watch-list");
        await Screenshots.SaveAsync(page, "watchlist-removal-offer");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.FitsWidthAsync(), "the removal offer scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "watchlist-removal-offer-390px");
        await page.SetViewportSizeAsync(1280, 800);

        await offer.GetByRole(AriaRole.Button, new() { Name = "Remove it from the watch-list" }).ClickAsync();
        await Expect(offer).ToContainTextAsync("is off your watch-list");
        await page.ReloadAsync();
        await Expect(page.Locator($"[data-movie-card='{movieId}']")).ToHaveCountAsync(0);

        // A movie not on the watch-list gets no offer.
        await page.GotoAsync($"/Movies/Details/{starters[1]}");
        await page.RateWithMouseAsync(starters[1], 3.0);
        await Expect(page.Locator(".watchlist-offer")).ToHaveCountAsync(0);
    }
}
