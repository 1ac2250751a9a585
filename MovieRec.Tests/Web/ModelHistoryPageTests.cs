using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Web;

/// <summary>/Admin/Models: the history for administrators, activation by a form post (rollback), refusal of a version that does not load.</summary>
public sealed class ModelHistoryPageTests : IAsyncLifetime
{
    private readonly MovieRecAppFactory _app = new();
    private ModelVersionFacts _older = null!;
    private ModelVersionFacts _active = null!;

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        _older = await TestModelHistory.KeepAsync(_app.HistoryFolder, TinyMovieLens.TrainModel(seed: 7), now.AddDays(-2), ndcg: 0.30);
        _active = await TestModelHistory.KeepAsync(_app.HistoryFolder, TinyMovieLens.TrainModel(seed: 8), now.AddDays(-1), ndcg: 0.32, asServed: true);
        File.Copy(Path.Combine(_app.HistoryFolder, _active.Version + ".bin"), _app.ModelPath, overwrite: true);
        await TestModelHistory.SetActiveAsync(_app.DatabasePath, _active.Version);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpResponseMessage> ActivateAsync(HttpClient admin, string version, bool withToken = true) =>
        await admin.PostFormAsync("/Admin/Models?handler=Activate", new Dictionary<string, string> { ["version"] = version }, withToken);

    [Fact]
    public async Task Only_administrators_see_the_history()
    {
        var anonymous = _app.CreateBrowser();
        var person = await _app.SignedInBrowserAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/Admin/Models")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/Admin/Models")).StatusCode);
        // A signed-in person with a valid form token is still refused, and nothing changes.
        string token = await person.FormTokenAsync("/");
        var post = await person.PostAsync("/Admin/Models?handler=Activate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = _older.Version, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(_active.Version, (await _app.Services.GetRequiredService<IMovieRecStore>().ActiveModel.GetAsync())?.Version);
    }

    [Fact]
    public async Task The_page_lists_every_version_newest_first_with_the_active_one_marked_and_charts_of_the_metrics()
    {
        var admin = await _app.AdminBrowserAsync();

        string html = await admin.GetStringAsync("/Admin/Models");

        int activeAt = html.IndexOf($"data-version=\"{_active.Version}\"", StringComparison.Ordinal);
        int olderAt = html.IndexOf($"data-version=\"{_older.Version}\"", StringComparison.Ordinal);
        Assert.True(activeAt >= 0 && olderAt > activeAt, "both versions, newest first");
        Assert.Contains("data-field=\"active\"", html[activeAt..olderAt]);
        Assert.DoesNotContain("data-field=\"active\"", html[olderAt..]);
        Assert.Contains($"aria-label=\"Activate version {_older.Version}\"", html);
        Assert.DoesNotContain($"aria-label=\"Activate version {_active.Version}\"", html);
        Assert.Contains("Held-out RMSE by version", html);
        Assert.Contains("Held-out NDCG@10 by version", html);
        Assert.Contains("0.3200", html);
        Assert.Contains("No experiment runs", html);
    }

    [Fact]
    public async Task A_version_kept_before_the_served_figure_is_labelled_as_the_factor_model_alone()
    {
        var admin = await _app.AdminBrowserAsync();

        string html = await admin.GetStringAsync("/Admin/Models");

        int activeAt = html.IndexOf($"data-version=\"{_active.Version}\"", StringComparison.Ordinal);
        int olderAt = html.IndexOf($"data-version=\"{_older.Version}\"", StringComparison.Ordinal);
        Assert.DoesNotContain("data-field=\"basis\"", html[activeAt..olderAt]);
        string older = html[olderAt..html.IndexOf("</li>", olderAt, StringComparison.Ordinal)];
        Assert.Contains("data-field=\"basis\"", older);
        Assert.Contains("factor model alone", older);
    }

    [Fact]
    public async Task Activating_an_older_version_serves_it_at_once_and_records_it_in_the_store()
    {
        var admin = await _app.AdminBrowserAsync();
        await admin.WaitForModelAsync();
        Assert.Equal(_active.Checksum, await admin.ServedChecksumAsync());

        Assert.Equal(HttpStatusCode.BadRequest, (await ActivateAsync(admin, _older.Version, withToken: false)).StatusCode);
        Assert.Equal(_active.Checksum, await admin.ServedChecksumAsync());

        var response = await ActivateAsync(admin, _older.Version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Version {_older.Version} is now the active model.", await response.Content.ReadAsStringAsync());
        Assert.Equal(_older.Checksum, await admin.ServedChecksumAsync());
        Assert.Equal(_older.Version, (await _app.Services.GetRequiredService<IMovieRecStore>().ActiveModel.GetAsync())?.Version);
    }

    [Fact]
    public async Task A_version_that_does_not_load_is_refused_and_the_active_one_keeps_serving()
    {
        var admin = await _app.AdminBrowserAsync();
        await admin.WaitForModelAsync();
        TestModelHistory.Damage(Path.Combine(_app.HistoryFolder, _older.Version + ".bin"));

        var refused = await ActivateAsync(admin, _older.Version);
        var unknown = await ActivateAsync(admin, "20000101-000000-00000000");
        var malformed = await ActivateAsync(admin, "../model");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("does not load, so the active version stays", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(_active.Checksum, await admin.ServedChecksumAsync());
        Assert.Equal(_active.Version, (await _app.Services.GetRequiredService<IMovieRecStore>().ActiveModel.GetAsync())?.Version);
    }

    [Fact]
    public async Task An_activation_made_by_another_process_is_followed_by_the_reloader()
    {
        var admin = await _app.AdminBrowserAsync();
        await admin.WaitForModelAsync();

        // As `models activate` on another machine does: only the store changes here.
        await _app.Services.GetRequiredService<IMovieRecStore>().ActiveModel.SetAsync(_older.Version);

        await admin.WaitForServedChecksumAsync(_older.Checksum);
    }
}
