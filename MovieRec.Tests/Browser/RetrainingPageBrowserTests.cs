using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using static Microsoft.Playwright.Assertions;

namespace MovieRec.Tests.Browser;

/// <summary>
/// The retraining page: an administrator presses "Retrain now", watches the progress bar move (the
/// page polls the status endpoint) and, when the run ends, sees it among the last runs, on a
/// desktop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RetrainingPageBrowserTests(BrowserAppFixture app)
{
    // A full retrain of ml-latest-small on one low-priority thread, with other tests and builds on the two cores.
    private const float RetrainPatienceMs = 300_000;

    [BrowserFact]
    public async Task An_administrator_starts_a_retrain_sees_its_progress_and_then_its_result_at_both_widths()
    {
        // A run recorded before the gate judged by the served figure, as an upgraded store holds it.
        await using (var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(app.DataFolder, "movierec.db"), NullLoggerFactory.Instance))
        {
            var at = DateTimeOffset.UtcNow.AddDays(-7);
            await store.Retrains.RecordAsync(new RetrainRun(at, at.AddSeconds(40), "schedule", "older-host", RetrainOutcome.Published,
                "accepted: held-out RMSE 0.8712", 100_000, 0.8712, 0.9, 0.88, 0.21, 0));
        }

        await using (var session = await app.AdminSessionAsync(width: 1280))
        {
            var page = session.Page;
            await page.Locator("nav[aria-label=Main] a", new() { HasText = "Retraining" }).ClickAsync();
            await Expect(page.Locator("[data-section=schedule] [data-field=schedule]")).ToContainTextAsync("\"30 2 * * 0\" (UTC)");
            await Expect(page.Locator("[data-section=schedule] [data-field=next-run]")).Not.ToHaveTextAsync("none");

            await page.Locator("[data-action=retrain-now]").ClickAsync();
            await Expect(page.Locator("[data-section=notice]")).ToContainTextAsync("Retrain started (admin).");
            await Expect(page.Locator("[data-section=now][data-running=true] progress")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-action=retrain-now]")).ToBeDisabledAsync();
            await Screenshots.SaveAsync(page, "retraining-running-1280");

            // The script reloads the page once the status says the run has ended.
            // (The first model, trained when the server started, is a run of its own, "first run".)
            var adminRun = page.Locator("[data-section=runs] [data-view=table] tr[data-run]", new() { HasText = "admin" });
            await Expect(adminRun.First).ToBeVisibleAsync(new() { Timeout = RetrainPatienceMs });
            await Expect(page.Locator("[data-section=now]")).ToHaveAttributeAsync("data-running", "false");
            await Expect(page.Locator("[data-section=runs] [data-view=table] tr[data-run]").First).ToContainTextAsync("admin");
            await Expect(page.Locator("[data-section=runs] [data-view=table] tr[data-run]", new() { HasText = "0.8712" }).Locator("[data-field=basis]"))
                .ToHaveTextAsync("factor model alone");
            Assert.True(await page.FitsWidthAsync(), "the retraining page scrolls sideways at 1280 px");
            await Screenshots.SaveAsync(page, "retraining-done-1280");
            session.AssertNoScriptErrors();
        }
        // The run may have published a new model, which the server swaps in by itself a moment
        // later: let that happen here rather than in the middle of the next test's picks.
        await app.WaitUntilServingTheModelFileAsync();

        await using (var phone = await app.AdminSessionAsync(width: 390))
        {
            var page = phone.Page;
            await page.GotoAsync("/Admin/Retraining");
            // One card per run on a phone, with every figure visible without scrolling sideways.
            var card = page.Locator("[data-section=runs] [data-view=cards] [data-run]", new() { HasText = "admin" }).First;
            await Expect(card).ToBeVisibleAsync();
            await Expect(card).ToContainTextAsync("NDCG@10");
            await Expect(card.Locator("[data-field=basis]")).ToHaveCountAsync(0);
            var older = page.Locator("[data-section=runs] [data-view=cards] [data-run]", new() { HasText = "0.8712" });
            await Expect(older.Locator("[data-field=basis]")).ToHaveTextAsync("factor model alone");
            await Expect(page.Locator("[data-section=runs] [data-view=table]")).ToBeHiddenAsync();
            Assert.True(await page.FitsWidthAsync(), "the retraining page scrolls sideways at 390 px");
            await Screenshots.SaveAsync(page, "retraining-390");
            phone.AssertNoScriptErrors();
        }
    }
}
