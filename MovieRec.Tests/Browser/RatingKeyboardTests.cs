using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>
/// The star widget by keyboard alone. It is a group of radio inputs: Tab enters the group, the
/// arrow keys move through it (right and up for more stars), and the choice is saved at once by
/// the page's script; without script, Tab on to "Save rating" and Enter posts the form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RatingKeyboardTests(BrowserAppFixture app)
{
    private const int ToyStory = 1;

    [BrowserFact]
    public async Task Arrow_keys_choose_a_rating_and_the_script_saves_the_last_one()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("keys"));
        await page.GotoAsync($"/Movies/Details/{ToyStory}");
        var widget = page.RatingWidget(ToyStory);

        await TabIntoStarsAsync(page);
        await Expect(widget.Locator("input[value='0.5']")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "rating-keyboard-focus");
        // Six steps right from the first half star, as fast as the keyboard sends them: every
        // step is a change the script saves, and the last one must be what is stored.
        for (int step = 0; step < 6; step++) await page.Keyboard.PressAsync("ArrowRight");
        await Expect(widget.Locator("input[value='3.5']")).ToBeCheckedAsync();
        await Expect(widget.Locator(".rating-status")).ToHaveTextAsync("Saved: 3.5");
        Assert.Equal(3.5, await StoredRatingAsync(session, ToyStory));

        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(widget.Locator(".rating-status")).ToHaveTextAsync("Saved: 3.0");
        Assert.Equal(3.0, await StoredRatingAsync(session, ToyStory));
        session.AssertNoScriptErrors();
    }

    [BrowserFact]
    public async Task Without_script_Space_picks_arrows_move_and_Enter_on_Save_posts_the_rating()
    {
        await using var session = await app.NewSessionAsync(javaScriptEnabled: false);
        var page = session.Page;
        await page.RegisterAsync(PageActions.NewUsername("nojs"));
        await page.GotoAsync($"/Movies/Details/{ToyStory}");
        var widget = page.RatingWidget(ToyStory);

        await TabIntoStarsAsync(page);
        await page.Keyboard.PressAsync("Space");
        await Expect(widget.Locator("input[value='0.5']")).ToBeCheckedAsync();
        for (int step = 0; step < 8; step++) await page.Keyboard.PressAsync("ArrowRight");
        await Expect(widget.Locator("input[value='4.5']")).ToBeCheckedAsync();
        Assert.Null(await StoredRatingAsync(session, ToyStory)); // nothing is saved before the form is sent

        await page.Keyboard.PressAsync("Tab");
        await Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Save rating" })).ToBeFocusedAsync();
        await page.ToNewPageAsync(() => page.Keyboard.PressAsync("Enter"));
        await Expect(page).ToHaveURLAsync($"{app.Server.BaseUrl}/Movies/Details/{ToyStory}");
        await Expect(page.RatingWidget(ToyStory).Locator(".rating-status")).ToHaveTextAsync("Your rating: 4.5");
        Assert.Equal(4.5, await StoredRatingAsync(session, ToyStory));
    }

    /// <summary>Focus starts on the last link before the widget (TMDb); one Tab enters the star group.</summary>
    private static async Task TabIntoStarsAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "TMDb" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
    }

    /// <summary>The stored rating, read back through GET /api/me/ratings with the session's cookie.</summary>
    private static async Task<double?> StoredRatingAsync(BrowserSession session, int movieId)
    {
        var response = await session.Api.GetAsync("/api/me/ratings");
        Assert.True(response.Ok, $"GET /api/me/ratings answered {response.Status}");
        foreach (var rating in (await response.JsonAsync())!.Value.EnumerateArray())
        {
            if (rating.GetProperty("movieId").GetInt32() == movieId)
                return rating.GetProperty("rating").GetDouble();
        }
        return null;
    }
}
