using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task PersonLists_AddAndRemoveAreIdempotent()
    {
        await AddPlainMoviesAsync(2);
        await AddUsersAsync(1);

        Assert.True(await Store.PersonLists.AddAsync(1, PersonList.Hidden, 2));
        Assert.False(await Store.PersonLists.AddAsync(1, PersonList.Hidden, 2));
        Assert.Equal([2], await Store.PersonLists.ListAsync(1, PersonList.Hidden));

        Assert.True(await Store.PersonLists.RemoveAsync(1, PersonList.Hidden, 2));
        Assert.False(await Store.PersonLists.RemoveAsync(1, PersonList.Hidden, 2));
        Assert.False(await Store.PersonLists.RemoveAsync(9, PersonList.Hidden, 9));
        Assert.Empty(await Store.PersonLists.ListAsync(1, PersonList.Hidden));
    }

    [StoreFact]
    public async Task PersonLists_AreKeptApartPerPersonAndPerList()
    {
        await AddPlainMoviesAsync(3);
        await AddUsersAsync(2);

        await Store.PersonLists.AddAsync(1, PersonList.Hidden, 1);
        await Store.PersonLists.AddAsync(1, PersonList.WatchList, 2);
        await Store.PersonLists.AddAsync(2, PersonList.WatchList, 3);
        await Store.PersonLists.RemoveAsync(2, PersonList.Hidden, 1);

        Assert.Equal([1], await Store.PersonLists.ListAsync(1, PersonList.Hidden));
        Assert.Equal([2], await Store.PersonLists.ListAsync(1, PersonList.WatchList));
        Assert.Empty(await Store.PersonLists.ListAsync(2, PersonList.Hidden));
        Assert.Equal([3], await Store.PersonLists.ListAsync(2, PersonList.WatchList));
    }

    [StoreFact]
    public async Task PersonLists_ListTheMostRecentlyAddedFirst_AndARepeatKeepsTheFirstTime()
    {
        await AddPlainMoviesAsync(3);
        await AddUsersAsync(1);

        foreach (var movieId in new[] { 2, 1, 3 })
        {
            await Store.PersonLists.AddAsync(1, PersonList.WatchList, movieId);
            // The stores keep milliseconds: step past one so that each entry has its own time.
            await Task.Delay(5);
        }
        await Store.PersonLists.AddAsync(1, PersonList.WatchList, 2);

        Assert.Equal([3, 1, 2], await Store.PersonLists.ListAsync(1, PersonList.WatchList));
    }

    [StoreFact]
    public async Task PersonLists_RefuseAnUnknownPersonOrMovie_AndWriteNothing()
    {
        await AddPlainMoviesAsync(1);
        await AddUsersAsync(1);

        var noMovie = await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonLists.AddAsync(1, PersonList.Hidden, 99));
        Assert.Contains("no movie with id 99", noMovie.Message);
        var noUser = await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonLists.AddAsync(42, PersonList.WatchList, 1));
        Assert.Contains("no user with id 42", noUser.Message);

        Assert.Empty(await Store.PersonLists.ListAsync(1, PersonList.Hidden));
        Assert.Empty(await Store.PersonLists.ListAsync(42, PersonList.WatchList));
    }

    [StoreFact]
    public async Task PersonLists_SurviveReopening_AndDoNotTouchRatings()
    {
        await AddPlainMoviesAsync(2);
        await AddUsersAsync(1);
        await Store.Ratings.UpsertAsync(Stars(1, 1, 4.0f));
        await Store.PersonLists.AddAsync(1, PersonList.Hidden, 2);
        await Store.PersonLists.AddAsync(1, PersonList.WatchList, 1);

        await using var reopened = await ReopenStoreAsync();

        Assert.Equal([2], await reopened.PersonLists.ListAsync(1, PersonList.Hidden));
        Assert.Equal([1], await reopened.PersonLists.ListAsync(1, PersonList.WatchList));
        Assert.Equal(4.0f, (await reopened.Ratings.GetAsync(1, 1))?.Value);
        Assert.Equal(new MovieStatistics(1, 1, 4.0), await reopened.Movies.GetStatisticsAsync(1));
    }
}
