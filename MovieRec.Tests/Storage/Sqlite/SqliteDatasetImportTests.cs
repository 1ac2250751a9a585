using MovieRec.Core.Import;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Evaluation;
using Xunit.Abstractions;

namespace MovieRec.Tests.Storage.Sqlite;

/// <summary>
/// ml-latest-small (610 users, 9,742 movies, 100,836 ratings) through the bulk import, read with
/// the test project's tiny reader since the real importers live elsewhere. The time is written
/// to the test output for the record, never asserted: this machine's speed is not the subject.
/// </summary>
public sealed class SqliteDatasetImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MovieLensSmall_ImportsCompletely_AndASecondImportAddsNothing()
    {
        var dataset = MovieLensDataset.Open(TestPaths.MlLatestSmall);
        var movies = dataset.ReadMovies().ToArray();
        var ratings = dataset.ReadRatings().ToArray();
        await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder.Path, "small.db"), NullLoggerFactory.Instance);
        await store.Movies.UpsertManyAsync(movies);
        await store.Users.ImportAsync(ratings.Select(r => r.UserId).Distinct().Select(ImportedUser.FromDataset));

        var clock = Stopwatch.StartNew();
        var first = await store.Ratings.ImportAsync(ratings);
        var firstTime = clock.Elapsed;
        clock.Restart();
        var second = await store.Ratings.ImportAsync(ratings);
        var secondTime = clock.Elapsed;
        output.WriteLine($"ml-latest-small: {ratings.Length:N0} ratings imported in {firstTime.TotalSeconds:F2} s; re-import (all present) in {secondTime.TotalSeconds:F2} s");

        Assert.Equal(new ImportCounts(100_836, 0), first);
        Assert.Equal(new ImportCounts(0, 100_836), second);
        Assert.Equal(100_836, await store.Ratings.CountAsync());
        Assert.Equal(610, await store.Users.CountAsync());
        Assert.Equal(9_742, await store.Movies.CountAsync());

        // Forrest Gump (356) is the most rated movie of the set: 329 ratings, mean 4.16.
        var top = await store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Popularity, PageSize = 1 });
        var forrest = Assert.Single(top.Items);
        Assert.Equal((356, 329), (forrest.Movie.MovieId, forrest.Statistics.RatingCount));
        Assert.Equal(4.164, forrest.Statistics.Mean!.Value, 3);
        Assert.Equal(ratings.Average(r => (double)r.Value), top.GlobalMean, 9);
        Assert.Equal(0, await store.ReconcileStatisticsAsync());
    }
}
