using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>
/// Searching the catalogue (ml-latest-small) as a person types it: articles anywhere, typing
/// mistakes, accents, tags, the suggestions by keyboard, and the page without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserAppFixture app)
{
    private const string Matrix = "Matrix, The (1999)";
    private const int MatrixId = 2571;
    private const string Amelie = "Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)";

    private static ILocator Results(IPage page) => page.Locator("[data-section=movie-list] a.movie-link");

    private static ILocator SearchBox(IPage page) => page.Locator("#movie-search");

    /// <summary>
    /// Types into the title box and sends the form with Enter (no suggestion chosen). Waits for the
    /// results page's document, not for its every image and script to finish loading (CI once waited
    /// 30 s for a load event that did not come); the callers' retrying expectations read the page.
    /// </summary>
    private static async Task SearchAsync(IPage page, string text)
    {
        await page.GotoAsync("/Movies");
        await SearchBox(page).FillAsync(text);
        await SearchBox(page).PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/Movies\?"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    [BrowserFact]
    public async Task The_matrix_amelie_and_a_tag_find_their_movies_and_a_typo_is_offered_the_nearest_titles()
    {
        foreach (int width in new[] { 1280, 390 })
        {
            await using var session = await app.NewSessionAsync(width: width);
            var page = session.Page;

            foreach (var text in new[] { "the matrix", "matrix the", "Matrix, The" })
            {
                await SearchAsync(page, text);
                await Expect(Results(page).First).ToHaveTextAsync(Matrix);
            }
            await Screenshots.SaveAsync(page, $"search-results-{width}");

            await SearchAsync(page, "amelie");
            await Expect(Results(page).First).ToHaveTextAsync(Amelie);

            await page.GotoAsync("/Movies");
            await page.Locator("input[name=tag]").FillAsync("Philosophy");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Movies tagged “Philosophy”");
            await Expect(Results(page).Filter(new() { HasText = Matrix })).ToHaveCountAsync(1);
            // The address movie pages link their tags to.
            await page.GotoAsync("/Movies?tag=philosophy");
            await Expect(Results(page).Filter(new() { HasText = Matrix })).ToHaveCountAsync(1);
            await Screenshots.SaveAsync(page, $"search-tag-{width}");

            await SearchAsync(page, "matrx");
            var noResults = page.Locator("[data-section=no-results]");
            await Expect(noResults.Locator("h2")).ToHaveTextAsync("No movie title contains “matrx”.");
            await Expect(noResults.Locator("[data-section=nearest-titles] a").First).ToHaveTextAsync(Matrix);
            Assert.True(await page.FitsWidthAsync(), $"the no-results page scrolls sideways at {width} px");
            await Screenshots.SaveAsync(page, $"search-no-results-{width}");

            await noResults.Locator("[data-section=nearest-titles] a").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/Movies/Details/{MatrixId}$"));
            session.AssertNoScriptErrors();
        }
    }

    [BrowserFact]
    public async Task Suggestions_are_chosen_and_dismissed_by_keyboard()
    {
        foreach (int width in new[] { 1280, 390 })
        {
            await using var session = await app.NewSessionAsync(width: width);
            var page = session.Page;
            await page.GotoAsync("/Movies");
            var box = SearchBox(page);
            var list = page.Locator("#movie-search-suggestions");
            await Expect(box).ToHaveAttributeAsync("role", "combobox");
            await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

            await box.PressSequentiallyAsync("the matri", new() { Delay = 40 });
            // On a loaded machine the script may ask after "the ma" already (keys 40 ms apart can
            // arrive further apart than its 120 ms pause); that list could be replaced under the
            // arrow keys below. So wait for the answer to the whole text first.
            await Expect(list).ToHaveAttributeAsync("data-suggestions-for", "the matri");
            await Expect(list).ToBeVisibleAsync();
            await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
            var options = list.GetByRole(AriaRole.Option);
            await Expect(options.First).ToHaveTextAsync(Matrix);
            await Expect(page.Locator("#movie-search-status")).ToContainTextAsync("suggestions");
            Assert.True(await page.FitsWidthAsync(), $"the open suggestions scroll sideways at {width} px");
            await Screenshots.SaveAsync(page, $"search-suggestions-{width}");

            // Down twice, up once: the first title is the active one, and focus never left the box.
            await box.PressAsync("ArrowDown");
            await box.PressAsync("ArrowDown");
            await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
            await box.PressAsync("ArrowUp");
            await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "false");
            await Expect(box).ToHaveAttributeAsync("aria-activedescendant", await options.First.GetAttributeAsync("id") ?? "?");
            await Expect(box).ToBeFocusedAsync();

            // Escape closes the list and keeps the text; a second Escape clears the box.
            await box.PressAsync("Escape");
            await Expect(list).ToBeHiddenAsync();
            await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(box).ToHaveValueAsync("the matri");
            await box.PressAsync("Escape");
            await Expect(box).ToHaveValueAsync("");

            // A typing mistake still offers the movie; Enter on it opens its page.
            await box.PressSequentiallyAsync("matrx", new() { Delay = 40 });
            await Expect(list).ToHaveAttributeAsync("data-suggestions-for", "matrx");
            await Expect(options.First).ToContainTextAsync(Matrix);
            await box.PressAsync("ArrowDown");
            await box.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($"/Movies/Details/{MatrixId}$"));
            session.AssertNoScriptErrors();
        }
    }

    [BrowserFact]
    public async Task Without_javascript_the_search_box_is_a_plain_search_form()
    {
        await using var session = await app.NewSessionAsync(javaScriptEnabled: false);
        var page = session.Page;
        await page.GotoAsync("/Movies");
        var box = SearchBox(page);
        Assert.Null(await box.GetAttributeAsync("role"));

        await box.FillAsync("AMÉLIE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Expect(Results(page).First).ToHaveTextAsync(Amelie);
        await Expect(page.Locator("#movie-search-suggestions")).ToBeHiddenAsync();
    }
}
