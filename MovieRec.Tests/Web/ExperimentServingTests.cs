using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Models;
using MovieRec.Web.Models.Experiments;
using MovieRec.Tests.Helpers;

namespace MovieRec.Tests.Web;

/// <summary>
/// A/B serving: with Model:Experiment set, each person is served by their arm's model (stable by a
/// hash of their id), the picks shown are counted per arm, and opening or rating a shown pick
/// counts as its outcome; the admin page shows the arms.
/// </summary>
public sealed class ExperimentServingTests : IAsyncLifetime
{
    private const double Share = 0.5;
    private readonly MovieRecAppFactory _app = new();
    private ModelVersionFacts _control = null!;
    private ModelVersionFacts _candidate = null!;

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        _control = await TestModelHistory.KeepAsync(_app.HistoryFolder, TinyMovieLens.TrainModel(seed: 11), now.AddDays(-2));
        // The candidate learned that everyone loves the documentary (movie 12): its picks differ visibly from the control's.
        var boosted = TinyMovieLens.Ratings().Select(r => r.MovieId == 12 ? r with { Value = 5f } : r).ToArray();
        _candidate = await TestModelHistory.KeepAsync(_app.HistoryFolder, ModelTrainer.Train(boosted, TinyMovieLens.TinyOptions(seed: 12)), now.AddDays(-1));
        File.Copy(Path.Combine(_app.HistoryFolder, _control.Version + ".bin"), _app.ModelPath, overwrite: true);
        await TestModelHistory.SetActiveAsync(_app.DatabasePath, _control.Version);
        _app.ExtraSettings["Model:Experiment:Candidate"] = _candidate.Version;
        _app.ExtraSettings["Model:Experiment:Share"] = Share.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitForCandidateAsync()
    {
        var holder = _app.Services.GetRequiredService<ModelHolder>();
        await Eventually.HoldsAsync(() => holder.Current is not null && holder.Candidate is not null, "both arms' models are loaded");
        Assert.NotNull(holder.Candidate);
        Assert.Equal(_candidate.Checksum, holder.Candidate!.Model.File.Checksum);
        Assert.Equal(_control.Checksum, holder.Current!.File.Checksum);
    }

    /// <summary>A new account in the wanted arm (ids are handed out in order, so a few tries find one), signed in, with two ratings.</summary>
    private async Task<(HttpClient Browser, int UserId)> PersonInArmAsync(bool candidate)
    {
        var store = _app.Services.GetRequiredService<IMovieRecStore>();
        for (int attempt = 0; attempt < 40; attempt++)
        {
            string name = "ab-" + Guid.NewGuid().ToString("N")[..8];
            var browser = await _app.SignedInBrowserAsync(name);
            int userId = (await store.Users.GetByNameAsync(name))!.UserId;
            if (ExperimentAssignment.IsCandidate(_candidate.Version, userId, Share) != candidate) continue;
            await browser.RateAsync(1, 5.0);
            await browser.RateAsync(6, 1.0);
            return (browser, userId);
        }
        throw new InvalidOperationException("no account landed in the wanted arm in 40 tries");
    }

    private async Task<int[]> PicksAsync(HttpClient browser)
    {
        var body = JsonDocument.Parse(await browser.GetStringAsync("/api/recommendations?n=5")).RootElement;
        Assert.Equal("personal", body.GetProperty("kind").GetString());
        return body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt32()).ToArray();
    }

    private static int[] Expected(ActiveModel model) =>
        model.Served.Picks([new PersonRating(1, 5.0), new PersonRating(6, 1.0)], Exclusions.None, 5, explain: false)
            .Select(p => p.MovieId).ToArray();

    [Fact]
    public async Task Each_arm_is_served_by_its_own_model_and_its_impressions_are_counted()
    {
        await _app.CreateBrowser().GetAsync("/");
        await WaitForCandidateAsync();
        var holder = _app.Services.GetRequiredService<ModelHolder>();
        int[] fromControl = Expected(holder.Current!), fromCandidate = Expected(holder.Candidate!.Model);
        Assert.NotEqual(fromControl, fromCandidate); // else the test could not tell the arms apart

        var (controlPerson, controlId) = await PersonInArmAsync(candidate: false);
        var (candidatePerson, candidateId) = await PersonInArmAsync(candidate: true);

        Assert.Equal(fromControl, await PicksAsync(controlPerson));
        Assert.Equal(fromCandidate, await PicksAsync(candidatePerson));
        Assert.Equal(fromCandidate, await PicksAsync(candidatePerson)); // the same arm every time
        Assert.Equal(ExperimentArms.Control, holder.ServingFor(controlId)!.Arm);
        Assert.Equal(ExperimentArms.Candidate, holder.ServingFor(candidateId)!.Arm);

        var arms = await _app.Services.GetRequiredService<IMovieRecStore>().Experiments.CountAsync(_candidate.Version);
        Assert.Equal([(ExperimentArms.Control, 1L, 5L), (ExperimentArms.Candidate, 1L, 5L)], arms.Select(a => (a.Arm, a.People, a.Impressions)));
    }

    [Fact]
    public async Task Opening_and_rating_a_shown_pick_count_as_its_outcomes_and_the_admin_page_shows_them()
    {
        await _app.CreateBrowser().GetAsync("/");
        await WaitForCandidateAsync();
        var (person, _) = await PersonInArmAsync(candidate: true);
        int[] shown = await PicksAsync(person);

        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/Movies/Details/{shown[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/Movies/Details/{shown[0]}")).StatusCode); // a second visit adds nothing
        Assert.Equal(HttpStatusCode.OK, (await person.RateAsync(shown[1], 4.0)).StatusCode);
        int notShown = Enumerable.Range(1, 12).Except(shown).Except([1, 6]).First();
        Assert.Equal(HttpStatusCode.OK, (await person.RateAsync(notShown, 2.0)).StatusCode); // not a pick: no outcome

        var arm = Assert.Single(await _app.Services.GetRequiredService<IMovieRecStore>().Experiments.CountAsync(_candidate.Version));
        Assert.Equal((ExperimentArms.Candidate, 5L, 1L, 1L, 4.0), (arm.Arm, arm.Impressions, arm.Opened, arm.Rated, arm.RatingSum));

        var admin = await _app.AdminBrowserAsync();
        string html = await admin.GetStringAsync("/Admin/Models");
        Assert.Contains($"Candidate <span class=\"font-mono break-all\">{_candidate.Version}</span> serves 50%", html.Replace(" %", "%"));
        Assert.Contains("data-arm=\"candidate\"", html);
        Assert.Contains("95 %:", html);
        Assert.Contains("data-field=\"candidate\"", html);
    }

    [Fact]
    public async Task Promoting_the_candidate_ends_the_experiment_and_everyone_is_served_it()
    {
        await _app.CreateBrowser().GetAsync("/");
        await WaitForCandidateAsync();
        var admin = await _app.AdminBrowserAsync();

        // What `models promote` does: activate the candidate.
        var response = await admin.PostFormAsync("/Admin/Models?handler=Activate", new Dictionary<string, string> { ["version"] = _candidate.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var holder = _app.Services.GetRequiredService<ModelHolder>();
        Assert.Equal(_candidate.Checksum, holder.Current!.File.Checksum);
        Assert.Null(holder.Candidate);
        Assert.Null(holder.ServingFor(12345)!.Arm);
        Assert.Contains("The candidate was promoted", await admin.GetStringAsync("/Admin/Models"));
    }
}
