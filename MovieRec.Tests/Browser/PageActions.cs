using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>What a person does on the pages, step by step, as the tests' shared vocabulary.</summary>
public static partial class PageActions
{
    public const string Password = "correct horse battery";

    public static string NewUsername(string prefix = "viewer") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>
    /// Registers: registering signs in and lands on the home page, and this returns once that page
    /// has loaded, so what a test reads next is the signed-in home page, not the form or half of it.
    /// </summary>
    public static async Task RegisterAsync(this IPage page, string username, string password = Password)
    {
        await page.SubmitRegistrationAsync(username, password);
        await page.WaitForURLAsync(HomePage());
        await Expect(page.Locator("header")).ToContainTextAsync(username);
    }

    /// <summary>Fills and sends the registration form and waits for nothing (for a registration that is to be refused).</summary>
    public static async Task SubmitRegistrationAsync(this IPage page, string username, string password = Password)
    {
        await page.GotoAsync("/Account/Register");
        await page.Locator("input[name=Username]").FillAsync(username);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("input[name=ConfirmPassword]").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    public static async Task SubmitLoginAsync(this IPage page, string username, string password)
    {
        await page.Locator("input[name=Username]").FillAsync(username);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    public static async Task LogInAsync(this IPage page, string username, string password = Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.SubmitLoginAsync(username, password);
        await Expect(page.Locator("header")).ToContainTextAsync(username);
        // The header comes first: wait for the rest of the page the login led to.
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Clicks a link or a form button that loads another page (or the same address again, as a form
    /// post that redirects back does) and returns once that new page has loaded. Without this, an
    /// expectation that already held on the old page (a radio just checked, a count unchanged) would
    /// pass at once, and a read right after would see the old page or half of the new one.
    /// </summary>
    public static Task ClickToNewPageAsync(this ILocator target) => target.Page.ToNewPageAsync(() => target.ClickAsync());

    /// <summary>Does <paramref name="action"/> (a click, a key) that loads another page, and returns once that page has loaded.</summary>
    public static async Task ToNewPageAsync(this IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { document.documentElement.dataset.leftBehind = 'true'; }");
        await action();
        // The marker lives only in the old document: once no html element has it, the new one is in.
        await Expect(page.Locator("html[data-left-behind]")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>The Log out button in the header (a form post).</summary>
    public static async Task LogOutAsync(this IPage page)
    {
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    /// <summary>The star widget for one movie on the current page.</summary>
    public static ILocator RatingWidget(this IPage page, int movieId) => page.Locator($"form.rating-form[data-movie-id='{movieId}']");

    /// <summary>Clicks the half star for <paramref name="value"/>; the page's script saves it and says so.</summary>
    public static async Task RateWithMouseAsync(this IPage page, int movieId, double value)
    {
        var widget = page.RatingWidget(movieId);
        string text = value.ToString("0.0", CultureInfo.InvariantCulture);
        await widget.Locator($"label[title='{text} stars']").ClickAsync();
        await Expect(widget.Locator(".rating-status")).ToHaveTextAsync($"Saved: {text}");
    }

    /// <summary>The movie ids of the links in <paramref name="links"/> (/Movies/Details/{id}).</summary>
    public static async Task<List<int>> MovieIdsAsync(this ILocator links)
    {
        var ids = new List<int>();
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            var match = DetailsLink().Match(href);
            Assert.True(match.Success, $"not a movie link: {href}");
            ids.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        return ids;
    }

    /// <summary>True when nothing on the page is wider than the window (no sideways scrolling).</summary>
    public static Task<bool> FitsWidthAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomePage();

    [GeneratedRegex(@"^/Movies/Details/(\d+)$")]
    private static partial Regex DetailsLink();
}
