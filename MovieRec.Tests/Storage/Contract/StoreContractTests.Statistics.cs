using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task ConcurrentWritesToOneMovie_LeaveStatisticsEqualToARecount()
    {
        const int Writers = 8;
        const int WritesEach = 60;
        await AddPlainMoviesAsync(2);
        await AddUsersAsync(12);
        using var start = new Barrier(Writers);

        // A thread per writer (LongRunning), released together by the barrier: the SQLite store's
        // async calls complete synchronously, so on the thread pool the writers would start one
        // by one as the pool grows and barely overlap. Writers share (user, movie) pairs, so
        // inserts, changes and deletes of one rating race each other, not only the statistics.
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Factory.StartNew(async () =>
        {
            start.SignalAndWait();
            for (var i = 0; i < WritesEach; i++)
            {
                var user = (writer + i) % 12 + 1;
                if (i % 7 == 6)
                    await Store.Ratings.DeleteAsync(user, 1);
                else
                    await Store.Ratings.UpsertAsync(Stars(user, 1, ((writer * 3 + i) % 10 + 1) * 0.5f, timestamp: i));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(writers);

        await AssertStatisticsMatchRecountAsync([1, 2]);
        Assert.True((await StatisticsOfAsync(1)).RatingCount > 0);
    }

    [StoreFact]
    public async Task Reconcile_RepairsStatisticsBrokenBehindTheStoresBack()
    {
        await AddPlainMoviesAsync(4);
        await AddUsersAsync(3);
        await Store.Ratings.ImportAsync([Stars(1, 1, 4.0f), Stars(2, 1, 2.5f), Stars(3, 2, 5.0f)]);
        await OverwriteStatisticsAsync(1, 10, 1.0);
        await OverwriteStatisticsAsync(3, 2, 6.0);

        Assert.Equal(new MovieStatistics(1, 10, 1.0), await StatisticsOfAsync(1));
        var corrected = await Store.ReconcileStatisticsAsync();

        Assert.Equal(2, corrected);
        Assert.Equal(new MovieStatistics(1, 2, 6.5), await StatisticsOfAsync(1));
        Assert.Equal(new MovieStatistics(3, 0, 0), await StatisticsOfAsync(3));
        await AssertStatisticsMatchRecountAsync([1, 2, 3, 4]);
        Assert.Equal(0, await Store.ReconcileStatisticsAsync());
    }

    [StoreFact]
    public async Task DataSurvivesClosingAndReopeningTheStore()
    {
        await AddPlainMoviesAsync(2);
        var user = await Store.Users.CreateAsync("henry", "h", ["admin"]);
        await Store.Ratings.UpsertAsync(Stars(user.UserId, 2, 4.5f));

        await using var reopened = await ReopenStoreAsync();

        Assert.Equal("Movie 2", (await reopened.Movies.GetAsync(2))?.Title);
        Assert.Equal(["admin"], (await reopened.Users.GetByNameAsync("HENRY"))?.Roles);
        Assert.Equal(4.5f, (await reopened.Ratings.GetAsync(user.UserId, 2))?.Value);
        Assert.Equal(new MovieStatistics(2, 1, 4.5), await reopened.Movies.GetStatisticsAsync(2));
        Assert.Equal(user.UserId + 1, (await reopened.Users.CreateAsync("iris", "h")).UserId);
    }
}
