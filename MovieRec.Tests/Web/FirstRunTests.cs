using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Storage;
using MovieRec.Tests.Helpers;

namespace MovieRec.Tests.Web;

/// <summary>
/// First run from an empty data folder: the store is created and filled from the dataset folder,
/// the home page serves popularity at once, and a model is trained in the background.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly MovieRecAppWithoutModelFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_empty_data_folder_gives_a_working_app_that_serves_popularity_then_trains_a_model()
    {
        Assert.False(File.Exists(_app.DatabasePath));
        Assert.False(File.Exists(_app.ModelPath));
        var client = _app.CreateBrowser();

        string home = await client.GetStringAsync("/");
        Assert.Contains("data-section=\"popular-chart\"", home);
        Assert.Contains("<rect", home);
        Assert.Contains("Laser Quest (1990)", home);

        var store = _app.Services.GetRequiredService<IMovieRecStore>();
        Assert.Equal(12, await store.Movies.CountAsync());
        Assert.Equal(TinyMovieLens.Ratings().Count, await store.Ratings.CountAsync());
        Assert.True(File.Exists(_app.DatabasePath));

        // The background training writes the file and the reloader serves it.
        JsonElement model = default;
        await Eventually.HoldsAsync(async () =>
        {
            model = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("model");
            return model.GetProperty("loaded").GetBoolean() || model.GetProperty("training").GetString() == "Failed";
        }, "the first model is trained and loaded (or its training failed)");
        Assert.Equal("Finished", model.GetProperty("training").GetString());
        Assert.True(model.GetProperty("loaded").GetBoolean());
        Assert.True(File.Exists(_app.ModelPath));
    }

    [Fact]
    public async Task A_second_start_on_the_same_folder_imports_nothing()
    {
        await _app.CreateBrowser().GetStringAsync("/");
        var store = _app.Services.GetRequiredService<IMovieRecStore>();
        long ratings = await store.Ratings.CountAsync();

        // Remove the dataset: a second start must not need it.
        Directory.Delete(_app.DatasetPath, recursive: true);
        using var second = _app.WithWebHostBuilder(_ => { });
        var response = await second.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ratings, await second.Services.GetRequiredService<IMovieRecStore>().Ratings.CountAsync());
    }
}

/// <summary>A first run that stopped half way (3 movies, no users, an import marker not completed) is finished at the next start.</summary>
public sealed class UnfinishedImportTests : IDisposable
{
    private readonly MovieRecAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_start_after_an_unfinished_import_imports_again_instead_of_serving_the_fragment()
    {
        await using (var earlier = await MovieRec.Core.Storage.Sqlite.SqliteMovieRecStore.OpenAsync(
            _app.DatabasePath, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
        {
            await earlier.Imports.BeginAsync(_app.DatasetPath);
            await earlier.Movies.UpsertManyAsync(
                TinyMovieLens.Movies.Take(3).Select(m => new MovieRec.Core.Catalog.Movie(m.Id, m.Title, null, [])).ToList());
        }

        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowser().GetAsync("/")).StatusCode);

        var store = _app.Services.GetRequiredService<IMovieRecStore>();
        Assert.Equal(TinyMovieLens.Movies.Length, await store.Movies.CountAsync());
        Assert.Equal(TinyMovieLens.Ratings().Count, await store.Ratings.CountAsync());
        Assert.True((await store.Imports.LastAsync())!.IsComplete);
    }
}
