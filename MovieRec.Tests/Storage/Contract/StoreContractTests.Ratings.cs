using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task Upsert_ReturnsThePreviousValue()
    {
        await AddPlainMoviesAsync(2);
        await AddUsersAsync(1);

        Assert.Null(await Store.Ratings.UpsertAsync(Stars(1, 1, 3.5f, timestamp: 100)));
        Assert.Equal(3.5f, await Store.Ratings.UpsertAsync(Stars(1, 1, 4.0f, timestamp: 200)));
        Assert.Equal(4.0f, await Store.Ratings.UpsertAsync(Stars(1, 1, 4.0f, timestamp: 300)));

        Assert.Equal(Stars(1, 1, 4.0f, timestamp: 300), await Store.Ratings.GetAsync(1, 1));
        Assert.Null(await Store.Ratings.GetAsync(1, 2));
        Assert.Equal(1, await Store.Ratings.CountAsync());
    }

    [StoreFact]
    public async Task Delete_ReturnsTheRemovedValueOrNull()
    {
        await AddPlainMoviesAsync(1);
        await AddUsersAsync(1);
        await Store.Ratings.UpsertAsync(Stars(1, 1, 2.5f));

        Assert.Equal(2.5f, await Store.Ratings.DeleteAsync(1, 1));
        Assert.Null(await Store.Ratings.DeleteAsync(1, 1));
        Assert.Null(await Store.Ratings.DeleteAsync(7, 7));
        Assert.Null(await Store.Ratings.GetAsync(1, 1));
        Assert.Equal(0, await Store.Ratings.CountAsync());
    }

    [StoreFact]
    public async Task Statistics_FollowInsertChangeAndDelete()
    {
        await AddPlainMoviesAsync(2);
        await AddUsersAsync(3);

        await Store.Ratings.UpsertAsync(Stars(1, 1, 4.0f));
        await Store.Ratings.UpsertAsync(Stars(2, 1, 3.0f));
        Assert.Equal(new MovieStatistics(1, 2, 7.0), await StatisticsOfAsync(1));

        await Store.Ratings.UpsertAsync(Stars(1, 1, 1.5f));
        Assert.Equal(new MovieStatistics(1, 2, 4.5), await StatisticsOfAsync(1));
        Assert.Equal(2.25, (await StatisticsOfAsync(1)).Mean);

        await Store.Ratings.UpsertAsync(Stars(3, 2, 5.0f));
        await Store.Ratings.DeleteAsync(2, 1);
        Assert.Equal(new MovieStatistics(1, 1, 1.5), await StatisticsOfAsync(1));
        Assert.Equal(new MovieStatistics(2, 1, 5.0), await StatisticsOfAsync(2));

        await Store.Ratings.DeleteAsync(1, 1);
        Assert.Equal(new MovieStatistics(1, 0, 0.0), await StatisticsOfAsync(1));
        await AssertStatisticsMatchRecountAsync([1, 2]);
    }

    [StoreFact]
    public async Task RatingsOfUnknownUsersOrMovies_AreRefusedAndNothingIsWritten()
    {
        await AddPlainMoviesAsync(1);
        await AddUsersAsync(1);

        var noMovie = await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.UpsertAsync(Stars(1, 99, 3.0f)));
        var noUser = await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.UpsertAsync(Stars(99, 1, 3.0f)));

        Assert.Equal("There is no movie with id 99.", noMovie.Message);
        Assert.Equal("There is no user with id 99.", noUser.Message);
        Assert.Equal(0, await Store.Ratings.CountAsync());
        Assert.Equal(new MovieStatistics(1, 0, 0), await StatisticsOfAsync(1));
    }

    [StoreFact]
    public async Task ValuesOffTheHalfStarScale_AreRefusedAndTheStoredRatingStays()
    {
        await AddPlainMoviesAsync(1);
        await AddUsersAsync(1);
        await Store.Ratings.UpsertAsync(Stars(1, 1, 3.0f, timestamp: 10));

        foreach (var value in new[] { 0f, 0.25f, 5.5f, 3.3f, -1f, float.NaN, float.PositiveInfinity })
        {
            var error = await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.UpsertAsync(Stars(1, 1, value, timestamp: 20)));
            Assert.Contains("is not one of 0.5, 1.0, ... 5.0", error.Message);
        }

        Assert.Equal(Stars(1, 1, 3.0f, timestamp: 10), await Store.Ratings.GetAsync(1, 1));
        Assert.Equal(new MovieStatistics(1, 1, 3.0), await StatisticsOfAsync(1));
        Assert.Equal(3.0f, await Store.Ratings.UpsertAsync(Stars(1, 1, 0.5f)));
        Assert.Equal(0.5f, await Store.Ratings.UpsertAsync(Stars(1, 1, 5.0f)));
    }

    [StoreFact]
    public async Task ListByUser_GivesTheUsersRatingsNewestFirst()
    {
        await AddPlainMoviesAsync(4);
        await AddUsersAsync(2);
        await Store.Ratings.UpsertAsync(Stars(1, 3, 3.0f, timestamp: 300));
        await Store.Ratings.UpsertAsync(Stars(1, 1, 1.0f, timestamp: 100));
        await Store.Ratings.UpsertAsync(Stars(1, 2, 2.0f, timestamp: 300));
        await Store.Ratings.UpsertAsync(Stars(2, 4, 4.0f, timestamp: 999));

        var ratings = await Store.Ratings.ListByUserAsync(1);

        Assert.Equal([Stars(1, 2, 2.0f, 300), Stars(1, 3, 3.0f, 300), Stars(1, 1, 1.0f, 100)], ratings);
        Assert.Empty(await Store.Ratings.ListByUserAsync(3));
    }

    [StoreFact]
    public async Task StreamAll_YieldsEveryRatingByUserThenMovie()
    {
        await AddPlainMoviesAsync(30);
        await AddUsersAsync(30);
        var random = new Random(7);
        var expected = new Dictionary<(int, int), Rating>();
        for (var i = 0; i < 200; i++)
        {
            var rating = Stars(random.Next(1, 31), random.Next(1, 31), random.Next(1, 11) * 0.5f, timestamp: i);
            expected[(rating.UserId, rating.MovieId)] = rating;
            await Store.Ratings.UpsertAsync(rating);
        }

        var streamed = new List<Rating>();
        await foreach (var rating in Store.Ratings.StreamAllAsync())
            streamed.Add(rating);

        Assert.Equal(expected.Values.OrderBy(r => r.UserId).ThenBy(r => r.MovieId), streamed);
        Assert.Equal(expected.Count, await Store.Ratings.CountAsync());
    }
}
