using Microsoft.Playwright;
using MovieRec.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>/Admin/Models in a real browser: the history with its charts at both widths, and a rollback and back by its buttons.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModelHistoryBrowserTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task An_administrator_sees_the_history_and_charts_and_can_roll_back_and_forth_at_both_widths()
    {
        // Three earlier versions kept beside the first run's (small models: only their rows and figures matter here).
        string history = Path.Combine(app.DataFolder, "models");
        // The shared server may have published versions already (the first run, a retrain by another test).
        int before = Directory.Exists(history) ? Directory.GetFiles(history, "*.bin").Length : 0;
        var now = DateTimeOffset.UtcNow;
        var earlier = new List<string>();
        foreach (var (days, seed, ndcg) in new[] { (3, 31, 0.27), (2, 32, 0.29), (1, 33, 0.28) })
            earlier.Add((await TestModelHistory.KeepAsync(history, TinyMovieLens.TrainModel(seed), now.AddDays(-days), ndcg)).Version);

        foreach (int width in new[] { 1280, 390 })
        {
            await using var session = await app.AdminSessionAsync(width: width);
            var page = session.Page;
            if (width == 1280)
                await page.GetByRole(AriaRole.Link, new() { Name = "Models", Exact = true }).ClickAsync();
            else
                await page.GotoAsync("/Admin/Models");
            var versions = page.Locator("[data-section=versions] li[data-version]");
            await Expect(versions).ToHaveCountAsync(before + 3);
            await Expect(page.Locator("[data-section=versions] [data-field=active]")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-section=charts] svg[data-chart=lines]")).ToHaveCountAsync(2);
            // The three kept by the helper carry the factor model's figure (as versions kept before the served one do); the server's own the served one.
            await Expect(versions.Filter(new() { Has = page.Locator("[data-field=basis]") })).ToHaveCountAsync(3);
            await Expect(versions.Filter(new() { Has = page.Locator("[data-field=basis]") }).First).ToContainTextAsync("factor model alone");
            Assert.True(await page.FitsWidthAsync(), $"the model history scrolls sideways at {width} px");
            await Screenshots.SaveAsync(page, $"model-history-{width}");

            if (width != 1280) continue;
            string firstRun = (await versions.First.GetAttributeAsync("data-version"))!;
            Assert.DoesNotContain(firstRun, earlier);
            await page.GetByRole(AriaRole.Button, new() { Name = $"Activate version {earlier[0]}" }).ClickAsync();
            await Expect(page.Locator("[role=status][data-field=message]")).ToContainTextAsync($"Version {earlier[0]} is now the active model.");
            await Expect(page.Locator($"li[data-version='{earlier[0]}'] [data-field=active]")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "model-history-rolled-back-1280");
            // And back to the first run's model, which the other browser tests expect.
            await page.GetByRole(AriaRole.Button, new() { Name = $"Activate version {firstRun}" }).ClickAsync();
            await Expect(page.Locator("[role=status][data-field=message]")).ToContainTextAsync($"Version {firstRun} is now the active model.");
            session.AssertNoScriptErrors();
        }
    }
}
