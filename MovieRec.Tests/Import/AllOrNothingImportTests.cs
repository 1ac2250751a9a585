using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Import;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Web;

namespace MovieRec.Tests.Import;

/// <summary>
/// An import is one unit: a bad line anywhere stores nothing (not the movies, not the users), and
/// a complete import leaves a completed marker.
/// </summary>
public sealed class AllOrNothingImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Dataset(string? lastRatingLine = null)
    {
        string dataset = Path.Combine(_folder.Path, "ml-latest-small");
        TinyMovieLens.WriteTo(dataset);
        if (lastRatingLine is not null) File.AppendAllText(Path.Combine(dataset, "ratings.csv"), lastRatingLine + "\n");
        return dataset;
    }

    [Theory]
    [InlineData("1,2,abc,964982703", "rating \"abc\" is not a number")]
    [InlineData("1,2,3.5,99999999999999", "is outside the dates this app can show")]
    public async Task A_bad_rating_line_at_the_end_stores_nothing_and_names_the_line(string badLine, string reason)
    {
        string dataset = Dataset(badLine);
        int badLineNumber = File.ReadAllLines(Path.Combine(dataset, "ratings.csv")).Length;
        await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder.Path, "movierec.db"), NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => DatasetImporter.ImportAsync(store, dataset));

        Assert.Contains($"line {badLineNumber}", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Equal((0, 0, 0L), (await store.Movies.CountAsync(), await store.Users.CountAsync(), await store.Ratings.CountAsync()));
        Assert.Null(await store.Imports.LastAsync());
    }

    [Fact]
    public async Task A_complete_import_leaves_a_completed_marker_naming_the_dataset()
    {
        string dataset = Dataset();
        await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder.Path, "movierec.db"), NullLoggerFactory.Instance);

        await DatasetImporter.ImportAsync(store, dataset);

        var marker = await store.Imports.LastAsync();
        Assert.True(marker!.IsComplete);
        Assert.Equal(Path.GetFullPath(dataset), marker.Dataset);
        Assert.Equal(TinyMovieLens.Ratings().Count, await store.Ratings.CountAsync());
    }
}
