using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    private static List<Rating> SomeRatings(int users, int movies, int seed)
    {
        var random = new Random(seed);
        return (from user in Enumerable.Range(1, users)
                from movie in Enumerable.Range(1, movies)
                where random.NextDouble() < 0.4
                select Stars(user, movie, random.Next(1, 11) * 0.5f, timestamp: user * 1000 + movie)).ToList();
    }

    [StoreFact]
    public async Task ImportingTheSameRatingsTwice_StoresThemOnce()
    {
        await AddPlainMoviesAsync(40);
        await AddUsersAsync(30);
        var ratings = SomeRatings(30, 40, seed: 3);

        var first = await Store.Ratings.ImportAsync(ratings);
        var second = await Store.Ratings.ImportAsync(ratings);

        Assert.Equal(new ImportCounts(ratings.Count, 0), first);
        Assert.Equal(new ImportCounts(0, ratings.Count), second);
        Assert.Equal(ratings.Count, await Store.Ratings.CountAsync());
        await AssertStatisticsMatchRecountAsync(Enumerable.Range(1, 40));
        var byMovie = ratings.GroupBy(r => r.MovieId).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(r => (double)r.Value)));
        var stored = await StatisticsOfAsync(byMovie.Keys.First());
        Assert.Equal(byMovie[stored.MovieId], (stored.RatingCount, stored.RatingSum));
    }

    [StoreFact]
    public async Task ImportKeepsStoredRatings_AndAddsOnlyNewPairs()
    {
        await AddPlainMoviesAsync(3);
        await AddUsersAsync(2);
        await Store.Ratings.UpsertAsync(Stars(1, 1, 2.0f, timestamp: 5));

        var counts = await Store.Ratings.ImportAsync([Stars(1, 1, 4.5f, 9), Stars(1, 2, 3.0f), Stars(2, 2, 1.0f), Stars(2, 2, 5.0f)]);

        Assert.Equal(new ImportCounts(2, 2), counts);
        Assert.Equal(Stars(1, 1, 2.0f, timestamp: 5), await Store.Ratings.GetAsync(1, 1));
        Assert.Equal(1.0f, (await Store.Ratings.GetAsync(2, 2))?.Value);
        Assert.Equal(new MovieStatistics(2, 2, 4.0), await StatisticsOfAsync(2));
        await AssertStatisticsMatchRecountAsync([1, 2, 3]);
    }

    [StoreFact]
    public async Task ImportWithAnUnknownMovieOrABadValue_WritesNothingOfTheBatch()
    {
        await AddPlainMoviesAsync(3);
        await AddUsersAsync(2);

        var unknownMovie = await Assert.ThrowsAsync<StoreValidationException>(() =>
            Store.Ratings.ImportAsync([Stars(1, 1, 3.0f), Stars(1, 2, 3.0f), Stars(2, 77, 3.0f), Stars(2, 3, 3.0f)]));
        var unknownUser = await Assert.ThrowsAsync<StoreValidationException>(() =>
            Store.Ratings.ImportAsync([Stars(1, 1, 3.0f), Stars(9, 2, 3.0f)]));
        var badValue = await Assert.ThrowsAsync<StoreValidationException>(() =>
            Store.Ratings.ImportAsync([Stars(1, 1, 3.0f), Stars(2, 2, 7.0f)]));

        Assert.Equal("There is no movie with id 77.", unknownMovie.Message);
        Assert.Equal("There is no user with id 9.", unknownUser.Message);
        Assert.Contains("The rating of movie 2 by user 2 was refused", badValue.Message);
        Assert.Equal(0, await Store.Ratings.CountAsync());
        await AssertStatisticsMatchRecountAsync([1, 2, 3]);
        Assert.Equal(new MovieStatistics(1, 0, 0), await StatisticsOfAsync(1));
    }

    [StoreFact]
    public async Task ImportLargerThanABatch_IsCompleteAndCountedOnce()
    {
        await AddPlainMoviesAsync(300);
        await AddUsersAsync(500);
        var ratings = SomeRatings(500, 300, seed: 11);
        Assert.True(ratings.Count > ImportBatch.Size, "the test needs more ratings than one batch");

        var first = await Store.Ratings.ImportAsync(ratings);
        var second = await Store.Ratings.ImportAsync(ratings.Take(ImportBatch.Size + 10));

        Assert.Equal(new ImportCounts(ratings.Count, 0), first);
        Assert.Equal(new ImportCounts(0, ImportBatch.Size + 10), second);
        Assert.Equal(ratings.Count, await Store.Ratings.CountAsync());
        await AssertStatisticsMatchRecountAsync(Enumerable.Range(1, 300));
    }
}
