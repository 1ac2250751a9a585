using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>The leases that make retraining single-flight, the rating-write count and the retrain runs.</summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset LeaseStart = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [StoreFact]
    public async Task ALease_IsHeldByOneHolder_UntilReleasedOrExpired()
    {
        var locks = Store.Locks;
        Assert.Null(await locks.ReadAsync("retrain"));

        Assert.True(await locks.TryAcquireAsync("retrain", "host-a", LeaseStart, Lease));
        Assert.False(await locks.TryAcquireAsync("retrain", "host-b", LeaseStart.AddSeconds(119), Lease));
        Assert.True(await locks.TryAcquireAsync("other-work", "host-b", LeaseStart, Lease));
        Assert.Equal(new StoreLock("retrain", "host-a", LeaseStart, LeaseStart + Lease), await locks.ReadAsync("retrain"));

        // A stranger's release changes nothing; the holder's own frees it at once.
        await locks.ReleaseAsync("retrain", "host-b");
        Assert.False(await locks.TryAcquireAsync("retrain", "host-b", LeaseStart.AddSeconds(1), Lease));
        await locks.ReleaseAsync("retrain", "host-a");
        Assert.Null(await locks.ReadAsync("retrain"));
        Assert.True(await locks.TryAcquireAsync("retrain", "host-b", LeaseStart.AddSeconds(2), Lease));
    }

    [StoreFact]
    public async Task ACrashedHoldersLease_ExpiresAfterItsLease_AndItCanNoLongerRenew()
    {
        var locks = Store.Locks;
        Assert.True(await locks.TryAcquireAsync("retrain", "crashed", LeaseStart, Lease));
        // The holder renews while it works...
        Assert.True(await locks.RenewAsync("retrain", "crashed", LeaseStart.AddMinutes(1), Lease));
        Assert.Equal(LeaseStart.AddMinutes(3), (await locks.ReadAsync("retrain"))!.ExpiresAt);
        // ...then dies: nobody may take it before the renewed lease runs out, anyone may after.
        Assert.False(await locks.TryAcquireAsync("retrain", "survivor", LeaseStart.AddMinutes(3).AddMilliseconds(-1), Lease));
        Assert.True(await locks.TryAcquireAsync("retrain", "survivor", LeaseStart.AddMinutes(3), Lease));

        Assert.False(await locks.RenewAsync("retrain", "crashed", LeaseStart.AddMinutes(3), Lease));
        Assert.Equal("survivor", (await locks.ReadAsync("retrain"))!.Holder);
    }

    [StoreFact]
    public async Task TwoStoreInstancesOnTheSameData_NeverBothTakeALease()
    {
        await using var second = await ReopenStoreAsync();
        for (int round = 0; round < 20; round++)
        {
            var now = LeaseStart.AddHours(round);
            // Both race for a lease that the previous round's winner let expire.
            var first = Task.Run(() => Store.Locks.TryAcquireAsync("retrain", "instance-1", now, Lease));
            var other = Task.Run(() => second.Locks.TryAcquireAsync("retrain", "instance-2", now, Lease));
            var won = await Task.WhenAll(first, other);
            Assert.Equal(1, won.Count(w => w));
            var holder = (await second.Locks.ReadAsync("retrain"))!.Holder;
            Assert.Equal(won[0] ? "instance-1" : "instance-2", holder);
        }
    }

    [StoreFact]
    public async Task RatingWrites_CountEachUpsert_NotDeletesOrImports_AndSurviveAReopen()
    {
        await AddPlainMoviesAsync(3);
        await AddUsersAsync(2);
        Assert.Equal(0, await Store.Retrains.RatingWritesAsync());

        await Store.Ratings.ImportAsync([Stars(2, 1, 3), Stars(2, 2, 4)]);
        Assert.Equal(0, await Store.Retrains.RatingWritesAsync());

        await Store.Ratings.UpsertAsync(Stars(1, 1, 4));
        await Store.Ratings.UpsertAsync(Stars(1, 1, 2.5f));
        await Store.Ratings.UpsertAsync(Stars(1, 2, 5));
        await Store.Ratings.DeleteAsync(1, 2);
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.UpsertAsync(Stars(1, 99, 5)));
        Assert.Equal(3, await Store.Retrains.RatingWritesAsync());

        await using var reopened = await ReopenStoreAsync();
        Assert.Equal(3, await reopened.Retrains.RatingWritesAsync());
    }

    [StoreFact]
    public async Task RetrainRuns_ComeBackNewestFirst_FieldForField()
    {
        Assert.Empty(await Store.Retrains.RecentAsync(5));
        var published = new RetrainRun(LeaseStart, LeaseStart.AddSeconds(9.5), "schedule", "host-a:12:ab", RetrainOutcome.Published,
            "held-out RMSE 0.8400", 95_000, 0.84, 0.88, 0.85, 0.301, 17) { HeldOutAsServed = true };
        var refused = published with
        {
            StartedAt = LeaseStart.AddDays(1), FinishedAt = LeaseStart.AddDays(1).AddSeconds(8), Trigger = "ratings",
            Outcome = RetrainOutcome.Refused, Reason = "worse", HeldOutRmse = 0.95, RatingWritesAtStart = 1_017, HeldOutAsServed = false,
        };
        var failed = new RetrainRun(LeaseStart.AddDays(2), LeaseStart.AddDays(2).AddSeconds(1), "admin", "host-b:7:cd", RetrainOutcome.Failed,
            "Training failed: out of memory", 0, null, null, null, double.NaN, 2_000);
        foreach (var run in new[] { published, failed, refused })
            await Store.Retrains.RecordAsync(run);

        var recent = await Store.Retrains.RecentAsync(2);
        Assert.Equal([failed with { HeldOutNdcg = null }, refused], recent);
        Assert.Equal(published, (await Store.Retrains.RecentAsync(10))[2]);
    }
}
