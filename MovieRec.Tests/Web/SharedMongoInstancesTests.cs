using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using MovieRec.Core.Retraining;
using MovieRec.Core.Storage;
using MovieRec.Tests.Storage.Contract;
using MovieRec.Web.Models;
using MovieRec.Web.Models.History;

namespace MovieRec.Tests.Web;

/// <summary>
/// Two app hosts on one MongoDB database, each with its own data folder (two machines): a retrain
/// on one publishes to GridFS and activates, and both serve the new version; a rollback on one is
/// followed by the other. Runs only with MOVIEREC_TEST_MONGO; otherwise reported skipped with that reason.
/// </summary>
[NeedsMongoServer]
public sealed class SharedMongoInstancesTests : IDisposable
{
    private readonly string _database = $"movierec_test_{Guid.NewGuid():N}";
    private readonly MovieRecAppFactory _first = new();
    private readonly MovieRecAppFactory _second = new();

    public SharedMongoInstancesTests()
    {
        foreach (var app in new[] { _first, _second })
        {
            app.ExtraSettings["Storage:Provider"] = "mongo";
            app.ExtraSettings["ConnectionStrings:Mongo"] = MongoTestServer.ConnectionString;
            app.ExtraSettings["Storage:MongoDatabase"] = _database;
        }
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        if (MongoTestServer.ConnectionString is { } connection)
        {
            using var client = new MongoClient(connection);
            client.DropDatabase(_database);
        }
    }

    private async Task<string> RetrainOnFirstAsync(int seed)
    {
        var settings = _first.Services.GetRequiredService<ModelSettings>();
        var result = await _first.Services.GetRequiredService<RetrainService>().RunAsync(
            new RetrainRequest(CsvPath: null, settings.Path, TinyMovieLens.TinyOptions(seed), Force: true), "retrain");
        Assert.True(result.Written);
        return result.Version!;
    }

    [StoreFact]
    public async Task A_retrain_on_one_instance_is_served_by_both_and_a_rollback_is_followed_too()
    {
        var first = _first.CreateBrowser();
        await first.WaitForModelAsync(); // the first host imports the dataset into the shared database
        var second = _second.CreateBrowser();
        await second.WaitForModelAsync();

        string older = await RetrainOnFirstAsync(seed: 21);
        string newer = await RetrainOnFirstAsync(seed: 22);
        var repository = _first.Services.GetRequiredService<MovieRec.Core.ModelHistory.IModelRepository>();
        Assert.StartsWith("GridFS bucket models", repository.Location);
        var kept = await repository.ListAsync();
        Assert.Equal([newer, older], kept.Select(v => v.Version));
        string newerChecksum = kept[0].Checksum, olderChecksum = kept[1].Checksum;

        await first.WaitForServedChecksumAsync(newerChecksum);
        await second.WaitForServedChecksumAsync(newerChecksum);

        await _first.Services.GetRequiredService<ModelActivation>().ActivateAsync(older);

        await first.WaitForServedChecksumAsync(olderChecksum);
        await second.WaitForServedChecksumAsync(olderChecksum);
        Assert.Equal(older, (await _second.Services.GetRequiredService<IMovieRecStore>().ActiveModel.GetAsync())?.Version);
    }

    private static async Task<List<int>> PickIdsAsync(HttpClient browser)
    {
        var answer = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/recommendations?n=8");
        return answer.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
    }

    [StoreFact]
    public async Task A_rating_or_a_hidden_movie_on_one_instance_leaves_the_other_instances_picks_at_once()
    {
        await _first.CreateBrowser().WaitForModelAsync();
        await _second.CreateBrowser().WaitForModelAsync();
        string name = "shared-" + Guid.NewGuid().ToString("N")[..8];
        var onFirst = await _first.SignedInBrowserAsync(name);
        var onSecond = _second.CreateBrowser();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await onSecond.LogInAsync(name)).StatusCode);
        await onFirst.RateAsync(1, 5.0);
        await onFirst.RateAsync(2, 4.5);

        // The second instance keeps this person's state and picks from here on ...
        var kept = await PickIdsAsync(onSecond);
        Assert.Equal(kept, await PickIdsAsync(onSecond));

        // ... and a write through the first changes the person's version, so it reads them afresh.
        await onFirst.RateAsync(kept[0], 1.0);
        var afterRating = await PickIdsAsync(onSecond);
        Assert.DoesNotContain(kept[0], afterRating);

        Assert.True((await onFirst.SendWithTokenAsync(HttpMethod.Put, $"/api/me/hidden/{afterRating[0]}")).IsSuccessStatusCode);
        Assert.DoesNotContain(afterRating[0], await PickIdsAsync(onSecond));
    }
}
