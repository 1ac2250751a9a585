using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Helpers;
using MovieRec.Tests.Storage;
using MovieRec.Web.Configuration;
using MovieRec.Web.Retraining;

namespace MovieRec.Tests.Retraining;

/// <summary>
/// The scheduler on a fake clock over a real SQLite store: it starts a retrain at each cron
/// occurrence and once enough new ratings were written since the last run began, and never before.
/// The clock is moved only once the scheduler's loop waits on it (it counts the timers armed).
/// </summary>
public sealed class RetrainSchedulerTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TimerCountingClock _time = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly RecordingStarter _starter;
    private IMovieRecStore _store = null!;

    public RetrainSchedulerTests() => _starter = new RecordingStarter(_time);

    public async Task InitializeAsync()
    {
        _store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder.Path, "movierec.db"), NullLoggerFactory.Instance);
        await _store.Movies.UpsertManyAsync(Enumerable.Range(1, 5).Select(id => new Movie(id, $"Movie {id}", 2000, [])));
        await _store.Users.ImportAsync([ImportedUser.FromDataset(1)]);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    private RetrainScheduler Scheduler(RetrainOptions options) =>
        new(_starter, _store, Options.Create(options), _time, NullLogger<RetrainScheduler>.Instance);

    [Fact]
    public async Task ACronSchedule_StartsARetrainAtEachOccurrence_AndNotBefore()
    {
        using var scheduler = Scheduler(new RetrainOptions { Schedule = "0 2 * * *" });
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), scheduler.NextScheduledRun(_time.GetUtcNow()));
        await scheduler.StartAsync(CancellationToken.None);
        // The loop waits for 02:00 (its first timer); one second before, it must still be waiting.
        await _time.WaitForTimersAsync(1);
        await AdvanceToAsync(new DateTimeOffset(2026, 12, 1, 1, 59, 59, TimeSpan.Zero));
        await SettleAsync();
        Assert.Empty(_starter.Calls);
        Assert.Equal(1, _time.TimersMade);

        await AdvanceToAsync(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await _starter.WaitForAsync(1);
        // After the run it waits again, for the next day's 02:00.
        await _time.WaitForTimersAsync(2);
        await AdvanceToAsync(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        await _starter.WaitForAsync(2);

        Assert.Equal(
            [("schedule", new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)), ("schedule", new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero))],
            _starter.Calls);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AScheduleInATimeZone_FiresAtThatZonesHour()
    {
        using var scheduler = Scheduler(new RetrainOptions { Schedule = "30 3 * * 1", TimeZone = "Europe/Paris" });
        // Monday 7 December 2026, 03:30 in Paris (UTC+1 in winter) is 02:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 2, 30, 0, TimeSpan.Zero), scheduler.NextScheduledRun(_time.GetUtcNow()));
    }

    [Fact]
    public async Task AfterNewRatings_StartsOnceTheCountSinceTheLastRunReachesIt()
    {
        using var scheduler = Scheduler(new RetrainOptions { AfterNewRatings = 3, CheckSeconds = 60 });
        await RateAsync(1, 2);
        Assert.Equal((2, false), await scheduler.NewRatingsAsync(CancellationToken.None));
        await RateAsync(3);
        Assert.Equal((3, true), await scheduler.NewRatingsAsync(CancellationToken.None));

        // A run that began after those three writes moves the baseline: nothing is due any more.
        await _store.Retrains.RecordAsync(new RetrainRun(_time.GetUtcNow(), _time.GetUtcNow(), "admin", "test", RetrainOutcome.Published, "ok",
            3, 0.9, 1.0, null, 0.2, RatingWritesAtStart: 3));
        Assert.Equal((0, false), await scheduler.NewRatingsAsync(CancellationToken.None));
        await RateAsync(4, 5, 1);
        Assert.Equal((3, true), await scheduler.NewRatingsAsync(CancellationToken.None));

        await scheduler.StartAsync(CancellationToken.None);
        // The loop starts on a pool thread: move the clock once it waits for its first check.
        await _time.WaitForTimersAsync(1);
        await AdvanceToAsync(_time.GetUtcNow().AddMinutes(1));
        await _starter.WaitForAsync(1);
        Assert.Equal("new ratings", _starter.Calls[0].Trigger);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithNeitherSetting_TheSchedulerNeverStartsOne()
    {
        using var scheduler = Scheduler(new RetrainOptions());
        await RateAsync(1, 2, 3);
        await scheduler.StartAsync(CancellationToken.None);
        // With nothing to do the loop ends by itself, without a timer (it would hang here otherwise).
        await scheduler.ExecuteTask!.WaitAsync(Eventually.Patience);
        Assert.Equal(0, _time.TimersMade);
        await AdvanceToAsync(_time.GetUtcNow().AddDays(3));
        Assert.Null(scheduler.NextScheduledRun(_time.GetUtcNow()));
        Assert.Empty(_starter.Calls);
    }

    private async Task RateAsync(params int[] movieIds)
    {
        foreach (int movieId in movieIds)
            await _store.Ratings.UpsertAsync(new Rating(1, movieId, 4, 1_000));
    }

    /// <summary>Moves the fake clock to <paramref name="target"/>; a timer armed before fires if it is due by then.</summary>
    private Task AdvanceToAsync(DateTimeOffset target)
    {
        if (target > _time.GetUtcNow()) _time.Advance(target - _time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Lets a loop that was (wrongly) woken run on before a check that nothing happened. Only a
    /// "nothing started" check uses it: a wait for something that must not happen has no event.
    /// </summary>
    private static Task SettleAsync() => Task.Delay(200);

    /// <summary>Records each start with the fake time it came at.</summary>
    private sealed class RecordingStarter(TimeProvider time) : IRetrainStarter
    {
        private readonly List<(string Trigger, DateTimeOffset At)> _calls = [];

        public List<(string Trigger, DateTimeOffset At)> Calls
        {
            get { lock (_calls) return [.. _calls]; }
        }

        public Task<RetrainStart> TryStartAsync(string trigger, CancellationToken cancellationToken)
        {
            lock (_calls) _calls.Add((trigger, time.GetUtcNow()));
            return Task.FromResult(new RetrainStart(true, "started"));
        }

        public Task WaitForAsync(int count) =>
            Eventually.HoldsAsync(() => Calls.Count >= count, $"{Calls.Count} of {count} retrains started");
    }
}
