using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>The active model version and A/B experiment records, the same in every store.</summary>
public abstract partial class StoreContractTests
{
    private const string VersionA = "20261201-100000-aaaaaaaa";
    private const string VersionB = "20261201-110000-bbbbbbbb";

    [StoreFact]
    public async Task ActiveModel_IsNoneAtFirst_ThenTheLastActivated_SeenByASecondInstance()
    {
        Assert.Null(await Store.ActiveModel.GetAsync());

        await Store.ActiveModel.SetAsync(VersionA);
        await Store.ActiveModel.SetAsync(VersionB);

        await using var other = await ReopenStoreAsync();
        var active = await other.ActiveModel.GetAsync();
        Assert.Equal(VersionB, active?.Version);
        Assert.InRange(active!.ActivatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [StoreFact]
    public async Task Experiments_CountEachArm_ImpressionsOncePerPersonAndMovie()
    {
        await Store.Experiments.RecordShownAsync(VersionB, ExperimentArms.Control, 1, [10, 11, 12]);
        await Store.Experiments.RecordShownAsync(VersionB, ExperimentArms.Control, 1, [10, 11, 13]); // 10 and 11 again
        await Store.Experiments.RecordShownAsync(VersionB, ExperimentArms.Control, 2, [10]);
        await Store.Experiments.RecordShownAsync(VersionB, ExperimentArms.Candidate, 3, [20, 21]);
        await Store.Experiments.RecordShownAsync(VersionA, ExperimentArms.Candidate, 3, [30]); // another experiment

        var arms = await Store.Experiments.CountAsync(VersionB);

        Assert.Equal(
        [
            new ArmCounts(ExperimentArms.Control, People: 2, Impressions: 5, Opened: 0, Rated: 0, RatingSum: 0, RatingSquares: 0),
            new ArmCounts(ExperimentArms.Candidate, People: 1, Impressions: 2, Opened: 0, Rated: 0, RatingSum: 0, RatingSquares: 0),
        ], arms);
    }

    [StoreFact]
    public async Task Experiments_CountTheFirstOpenAndRatingOfAShownPick_AndNothingForOtherMovies()
    {
        await Store.Experiments.RecordShownAsync(VersionB, ExperimentArms.Candidate, 1, [10, 11, 12]);

        Assert.True(await Store.Experiments.RecordOpenedAsync(VersionB, 1, 10));
        Assert.False(await Store.Experiments.RecordOpenedAsync(VersionB, 1, 10)); // the second open counts no more
        Assert.True(await Store.Experiments.RecordRatedAsync(VersionB, 1, 10, 4.5));
        Assert.False(await Store.Experiments.RecordRatedAsync(VersionB, 1, 10, 1.0)); // a change of mind is not a second outcome
        Assert.True(await Store.Experiments.RecordRatedAsync(VersionB, 1, 11, 3.0));
        Assert.False(await Store.Experiments.RecordRatedAsync(VersionB, 1, 99, 5.0)); // never shown
        Assert.False(await Store.Experiments.RecordOpenedAsync(VersionB, 2, 10)); // shown to someone else
        Assert.False(await Store.Experiments.RecordRatedAsync(VersionA, 1, 12, 5.0)); // another experiment

        var arm = Assert.Single(await Store.Experiments.CountAsync(VersionB));
        Assert.Equal(new ArmCounts(ExperimentArms.Candidate, People: 1, Impressions: 3, Opened: 1, Rated: 2,
            RatingSum: 7.5, RatingSquares: 4.5 * 4.5 + 3.0 * 3.0), arm);
    }

    [StoreFact]
    public async Task Experiments_RefuseAnUnknownArm()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Experiments.RecordShownAsync(VersionB, "treatment", 1, [1]));
        Assert.Empty(await Store.Experiments.CountAsync(VersionB));
        Assert.True(ModelVersionNames.IsValid(VersionB));
    }
}
