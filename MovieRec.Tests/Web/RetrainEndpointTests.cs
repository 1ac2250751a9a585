using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MovieRec.Core.Storage;
using MovieRec.Web.Models;
using MovieRec.Web.Retraining;

namespace MovieRec.Tests.Web;

/// <summary>
/// POST /api/admin/retrain and its status, on an app whose clock is fake so that a lease can be
/// made to expire: administrators only, refused while any instance holds the retrain lock, and a
/// retrain that fails leaves the active model serving and the lock released.
/// </summary>
public sealed class RetrainEndpointTests : IDisposable
{
    private readonly MovieRecAppFactory _factory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly WebApplicationFactory<Program> _app;

    public RetrainEndpointTests() =>
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time)));

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private IMovieRecStore Store => _app.Services.GetRequiredService<IMovieRecStore>();
    private RetrainCoordinator Coordinator => _app.Services.GetRequiredService<RetrainCoordinator>();

    private async Task<HttpClient> AdminAsync()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetAsync("/");
        var store = Store;
        var hasher = _app.Services.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<UserAccount>>();
        string name = "admin-" + Guid.NewGuid().ToString("N")[..8];
        await store.Users.CreateAsync(name, hasher.HashPassword(new UserAccount(0, name, null, [], 0, null, DateTimeOffset.UtcNow), WebSession.Password), [RoleRules.Admin]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LogInAsync(name)).StatusCode);
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Retraining_IsForAdministratorsOnly_AndNeedsTheAntiforgeryToken()
    {
        var visitor = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await ProblemAsync(await visitor.SendWithTokenAsync(HttpMethod.Post, "/api/admin/retrain"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await visitor.GetAsync("/api/admin/retrain/status"), HttpStatusCode.Unauthorized);

        var person = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await person.RegisterAsync("not-an-admin")).StatusCode);
        await ProblemAsync(await person.SendWithTokenAsync(HttpMethod.Post, "/api/admin/retrain"), HttpStatusCode.Forbidden);
        await ProblemAsync(await person.GetAsync("/api/admin/retrain/status"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/Admin/Retraining")).StatusCode);

        var admin = await AdminAsync();
        await ProblemAsync(await admin.PostAsync("/api/admin/retrain", null), HttpStatusCode.BadRequest);
        Assert.Empty(await Store.Retrains.RecentAsync(1));
    }

    [Fact]
    public async Task WhileAnotherInstanceHoldsTheLock_ItIs409_AndOnceItsLeaseRunsOutARetrainRunsAndIsRecorded()
    {
        var admin = await AdminAsync();
        // An instance that took the lock and died: it never renews nor releases it.
        Assert.True(await Store.Locks.TryAcquireAsync(RetrainLease.LockName, "crashed-host:4242:dead", _time.GetUtcNow(), Coordinator.Lease));

        var refused = await ProblemAsync(await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/retrain"), HttpStatusCode.Conflict);
        Assert.Contains("crashed-host:4242:dead", refused.GetProperty("detail").GetString());
        var busy = await admin.GetFromJsonAsync<JsonElement>("/api/admin/retrain/status");
        Assert.True(busy.GetProperty("running").GetBoolean());
        Assert.Equal("crashed-host:4242:dead", busy.GetProperty("runningOn").GetString());

        _time.Advance(Coordinator.Lease);
        var accepted = await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/retrain");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("/api/admin/retrain/status", accepted.Headers.Location?.OriginalString);
        await Coordinator.Background.WaitAsync(TimeSpan.FromSeconds(60));

        var done = await admin.GetFromJsonAsync<JsonElement>("/api/admin/retrain/status");
        Assert.False(done.GetProperty("running").GetBoolean());
        var run = done.GetProperty("recent")[0];
        // The gate's verdict on the tiny data may go either way; what matters is that the run finished with one.
        Assert.Equal("admin", run.GetProperty("trigger").GetString());
        Assert.Contains(run.GetProperty("outcome").GetString(), new[] { "published", "refused" });
        Assert.Contains("held-out RMSE", run.GetProperty("reason").GetString());
        Assert.Equal(Coordinator.Holder, run.GetProperty("instance").GetString());
        Assert.True(run.GetProperty("ratings").GetInt64() > 0);
        Assert.InRange(run.GetProperty("heldOutRmse").GetDouble(), 0.01, 5);
        Assert.Null(await Store.Locks.ReadAsync(RetrainLease.LockName));
    }

    [Fact]
    public async Task ARetrainThatFails_LeavesTheActiveModelServing_ReleasesTheLock_AndIsRecordedAsFailed()
    {
        var admin = await AdminAsync();
        await admin.WaitForModelAsync();
        string checksum = _app.Services.GetRequiredService<ModelHolder>().Current!.File.Checksum;
        // Training fails for want of ratings: the simulated crash.
        var ratings = new List<MovieRec.Core.Ratings.Rating>();
        await foreach (var rating in Store.Ratings.StreamAllAsync()) ratings.Add(rating);
        foreach (var rating in ratings) await Store.Ratings.DeleteAsync(rating.UserId, rating.MovieId);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/retrain")).StatusCode);
        await Coordinator.Background.WaitAsync(TimeSpan.FromSeconds(60));

        var run = Assert.Single(await Store.Retrains.RecentAsync(5));
        Assert.Equal(RetrainOutcome.Failed, run.Outcome);
        Assert.Contains("no ratings to train on", run.Reason);
        Assert.Null(await Store.Locks.ReadAsync(RetrainLease.LockName));
        Assert.Equal(checksum, _app.Services.GetRequiredService<ModelHolder>().Current!.File.Checksum);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/recommendations")).StatusCode);

        // And the next one is not blocked by it.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/retrain")).StatusCode);
        await Coordinator.Background.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task ThePage_ShowsTheScheduleAndTheLastRuns_AndItsButtonStartsARetrain()
    {
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/Admin/Retraining");
        Assert.Contains("No retrain has run yet.", page);
        Assert.Contains("Retrain:Schedule is not set", page);

        var posted = await admin.PostFormAsync("/Admin/Retraining", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await Coordinator.Background.WaitAsync(TimeSpan.FromSeconds(60));

        var after = await admin.GetStringAsync("/Admin/Retraining");
        Assert.Matches("data-run=\"(published|refused)\"", after);
        Assert.Contains("Retrain started (admin).", after);
    }

    [Fact]
    public async Task ThePage_LabelsARunRecordedBeforeTheServedFigure_AsTheFactorModelAlone()
    {
        var now = _time.GetUtcNow();
        var older = new RetrainRun(now.AddDays(-1), now.AddDays(-1).AddSeconds(5), "schedule", "host-a", RetrainOutcome.Published,
            "held-out RMSE 0.8700", 1_000, 0.8712, 0.90, null, 0.25, 0);
        var served = older with { StartedAt = now, FinishedAt = now.AddSeconds(5), Trigger = "ratings", HeldOutRmse = 0.8234, HeldOutAsServed = true };
        await Store.Retrains.RecordAsync(older);
        await Store.Retrains.RecordAsync(served);
        var admin = await AdminAsync();

        string page = await admin.GetStringAsync("/Admin/Retraining");

        // Both views (phone cards, wider table) label the older figure, and only it.
        foreach (string view in new[] { "data-view=\"cards\"", "data-view=\"table\"" })
        {
            string shown = page[page.IndexOf(view, StringComparison.Ordinal)..];
            int servedAt = shown.IndexOf("0.8234", StringComparison.Ordinal), olderAt = shown.IndexOf("0.8712", StringComparison.Ordinal);
            Assert.True(servedAt >= 0 && olderAt > servedAt, $"both runs, newest first, in {view}");
            Assert.DoesNotContain("data-field=\"basis\"", shown[servedAt..olderAt]);
            Assert.Contains("data-field=\"basis\"", shown[olderAt..(olderAt + 400)]);
        }
        Assert.Contains("factor model alone", page);
    }
}
