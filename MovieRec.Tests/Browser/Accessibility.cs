using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MovieRec.Tests.Browser;

/// <summary>
/// axe-core (bundled by the Deque.AxeCore.Playwright NuGet package, so CI needs nothing from npm)
/// run in the page as it is: a serious or critical violation fails the test, listed with the
/// elements it was found on.
/// </summary>
public static class Accessibility
{
    private static readonly HashSet<string> Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(this IPage page, string where)
    {
        AxeResult result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact ?? "")).ToList();
        Assert.True(blocking.Count == 0,
            $"axe-core on {where} ({page.Url}): " + string.Join("; ", blocking.Select(v =>
                $"{v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}")));
    }
}
