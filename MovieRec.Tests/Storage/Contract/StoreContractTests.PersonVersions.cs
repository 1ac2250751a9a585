using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    /// <summary>Runs <paramref name="write"/> and says whether person 1's version went up (and person 2's stayed).</summary>
    private async Task<bool> RaisesVersionAsync(Func<Task> write)
    {
        long before = await Store.PersonVersions.GetAsync(1);
        long other = await Store.PersonVersions.GetAsync(2);
        await write();
        long after = await Store.PersonVersions.GetAsync(1);
        Assert.True(after >= before, $"the version went back from {before} to {after}");
        Assert.Equal(other, await Store.PersonVersions.GetAsync(2));
        return after > before;
    }

    [StoreFact]
    public async Task PersonVersions_StartAtZero_AndEveryWriteOfRatingsListsOrSettingsRaisesThem()
    {
        await AddPlainMoviesAsync(3);
        await AddUsersAsync(2);
        Assert.Equal(0, await Store.PersonVersions.GetAsync(1));
        Assert.Equal(0, await Store.PersonVersions.GetAsync(999));

        Assert.True(await RaisesVersionAsync(() => Store.Ratings.UpsertAsync(Stars(1, 1, 4))), "a new rating");
        Assert.True(await RaisesVersionAsync(() => Store.Ratings.UpsertAsync(Stars(1, 1, 2))), "a changed rating");
        Assert.True(await RaisesVersionAsync(() => Store.Ratings.DeleteAsync(1, 1)), "a deleted rating");
        Assert.True(await RaisesVersionAsync(() => Store.Ratings.ImportAsync([Stars(1, 2, 3)])), "an imported rating");
        Assert.True(await RaisesVersionAsync(() => Store.PersonLists.AddAsync(1, PersonList.Hidden, 3)), "a hidden movie");
        Assert.True(await RaisesVersionAsync(() => Store.PersonLists.RemoveAsync(1, PersonList.Hidden, 3)), "a movie shown again");
        Assert.True(await RaisesVersionAsync(() => Store.PersonLists.AddAsync(1, PersonList.WatchList, 3)), "a watch-list entry");
        Assert.True(await RaisesVersionAsync(() => Store.PersonSettings.SaveAsync(1, new PersonSettings(5, ["Drama"], true))), "settings");
    }

    [StoreFact]
    public async Task PersonVersions_StayWhenNothingWasWritten_OrAWriteWasRefused()
    {
        await AddPlainMoviesAsync(2);
        await AddUsersAsync(2);
        await Store.Ratings.UpsertAsync(Stars(1, 1, 4));
        await Store.PersonLists.AddAsync(1, PersonList.Hidden, 2);

        Assert.False(await RaisesVersionAsync(() => Store.Ratings.DeleteAsync(1, 2)), "deleting a rating that is not there");
        Assert.False(await RaisesVersionAsync(() => Store.Ratings.ImportAsync([Stars(1, 1, 1)])), "importing a rating already stored");
        Assert.False(await RaisesVersionAsync(() => Store.PersonLists.AddAsync(1, PersonList.Hidden, 2)), "hiding a hidden movie");
        Assert.False(await RaisesVersionAsync(() => Store.PersonLists.RemoveAsync(1, PersonList.WatchList, 2)), "removing what is not listed");
        Assert.False(await RaisesVersionAsync(async () =>
            await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.UpsertAsync(Stars(1, 42, 4)))), "a rating of an unknown movie");
        Assert.False(await RaisesVersionAsync(async () =>
            await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonLists.AddAsync(1, PersonList.Hidden, 42))), "hiding an unknown movie");
        Assert.False(await RaisesVersionAsync(async () =>
            await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonSettings.SaveAsync(1, new PersonSettings(9, [], false)))), "a bad setting");
    }

    [StoreFact]
    public async Task PersonVersions_AreRaisedForEachPersonAnImportGaveRatings_AndSurviveReopening()
    {
        await AddPlainMoviesAsync(2);
        await AddUsersAsync(3);
        long third = await Store.PersonVersions.GetAsync(3);

        await Store.Ratings.ImportAsync([Stars(1, 1, 4), Stars(1, 2, 4), Stars(2, 1, 3)]);

        long first = await Store.PersonVersions.GetAsync(1);
        long second = await Store.PersonVersions.GetAsync(2);
        Assert.True(first > 0 && second > 0, $"versions {first} and {second}");
        Assert.Equal(third, await Store.PersonVersions.GetAsync(3));
        await using var reopened = await ReopenStoreAsync();
        Assert.Equal((first, second), (await reopened.PersonVersions.GetAsync(1), await reopened.PersonVersions.GetAsync(2)));
    }
}
