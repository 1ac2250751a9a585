using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task PersonSettings_AreTheDefaultsUntilSaved_ThenReadBackAsSaved()
    {
        await AddUsersAsync(2);

        var before = await Store.PersonSettings.GetAsync(1);
        Assert.Equal(FamiliarNew.DefaultStep, before.FamiliarNewStep);
        Assert.Empty(before.FavouriteGenres);
        Assert.False(before.OnboardingDone);

        await Store.PersonSettings.SaveAsync(1, new PersonSettings(5, ["Sci-Fi", "Action"], true));
        var after = await Store.PersonSettings.GetAsync(1);

        Assert.Equal(5, after.FamiliarNewStep);
        Assert.Equal(["Sci-Fi", "Action"], after.FavouriteGenres);
        Assert.True(after.OnboardingDone);
        // One person's settings are theirs alone.
        Assert.Equal(FamiliarNew.DefaultStep, (await Store.PersonSettings.GetAsync(2)).FamiliarNewStep);
    }

    [StoreFact]
    public async Task PersonSettings_SavingAgainReplacesTheWholeRecord_AndRepeatedGenresAreKeptOnce()
    {
        await AddUsersAsync(1);
        await Store.PersonSettings.SaveAsync(1, new PersonSettings(1, ["Drama", "Comedy"], true));

        await Store.PersonSettings.SaveAsync(1, new PersonSettings(4, [" Horror", "Horror"], false));

        var saved = await Store.PersonSettings.GetAsync(1);
        Assert.Equal(4, saved.FamiliarNewStep);
        Assert.Equal(["Horror"], saved.FavouriteGenres);
        Assert.False(saved.OnboardingDone);
    }

    [StoreFact]
    public async Task PersonSettings_RefuseAnUnknownPersonOrABadValue_AndWriteNothing()
    {
        await AddUsersAsync(1);
        await Store.PersonSettings.SaveAsync(1, new PersonSettings(2, ["Drama"], false));

        var noUser = await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonSettings.SaveAsync(42, PersonSettings.Default));
        Assert.Contains("no user with id 42", noUser.Message);
        var badStep = await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonSettings.SaveAsync(1, new PersonSettings(6, [], true)));
        Assert.Contains("from 1 (familiar) to 5 (new)", badStep.Message);
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonSettings.SaveAsync(1, new PersonSettings(3, ["Dr\u0007ama"], true)));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.PersonSettings.SaveAsync(1, new PersonSettings(3, [new string('x', 65)], true)));
        await Assert.ThrowsAsync<StoreValidationException>(() =>
            Store.PersonSettings.SaveAsync(1, new PersonSettings(3, Enumerable.Range(0, 26).Select(i => $"G{i}").ToList(), true)));

        Assert.Equal(PersonSettings.Default, await Store.PersonSettings.GetAsync(42));
        var kept = await Store.PersonSettings.GetAsync(1);
        Assert.Equal((2, false), (kept.FamiliarNewStep, kept.OnboardingDone));
        Assert.Equal(["Drama"], kept.FavouriteGenres);
    }

    [StoreFact]
    public async Task PersonSettings_SurviveReopening()
    {
        await AddUsersAsync(1);
        await Store.PersonSettings.SaveAsync(1, new PersonSettings(1, ["Western"], true));

        await using var reopened = await ReopenStoreAsync();

        var read = await reopened.PersonSettings.GetAsync(1);
        Assert.Equal((1, true), (read.FamiliarNewStep, read.OnboardingDone));
        Assert.Equal(["Western"], read.FavouriteGenres);
    }
}
