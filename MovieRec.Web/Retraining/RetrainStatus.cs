using Microsoft.Extensions.Options;
using MovieRec.Core.Storage;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Retraining;

/// <summary>One finished retrain as the API and the administrator page show it.</summary>
public sealed record RetrainRunDto(
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, double Seconds, string Trigger, string Instance, string Outcome, string Reason,
    long Ratings, double? HeldOutRmse, double? BiasOnlyRmse, double? CurrentRmse, double? HeldOutNdcg, bool HeldOutAsServed)
{
    public static RetrainRunDto From(RetrainRun run) => new(run.StartedAt, run.FinishedAt, Math.Round(run.Duration.TotalSeconds, 1),
        run.Trigger, run.Holder, RetrainOutcomeNames.Of(run.Outcome), run.Reason, run.Ratings, run.HeldOutRmse, run.BiasOnlyRmse, run.CurrentRmse, run.HeldOutNdcg, run.HeldOutAsServed);
}

/// <summary>
/// Retraining now and lately: whether a retrain runs (here, with its progress, or on another
/// instance, which holds the store lock), the schedule and its next run, the new ratings counted
/// towards Retrain:AfterNewRatings, and the last runs.
/// </summary>
public sealed record RetrainStatusDto(
    bool Running, string? RunningOn, string? Trigger, DateTimeOffset? StartedAt, string? Phase, int? Percent,
    string? Schedule, string TimeZone, DateTimeOffset? NextScheduledRun, int AfterNewRatings, long NewRatings,
    IReadOnlyList<RetrainRunDto> Recent);

/// <summary>Builds <see cref="RetrainStatusDto"/> from this instance's progress and the store (the one source for the API and the page).</summary>
public sealed class RetrainStatusReader(
    RetrainProgress progress, RetrainCoordinator coordinator, RetrainScheduler scheduler, IMovieRecStore store, IOptions<RetrainOptions> options, TimeProvider time)
{
    /// <summary>How many past runs the status lists.</summary>
    public const int RecentRuns = 10;

    public async Task<RetrainStatusDto> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var here = progress.Current;
        var held = here is null ? await store.Locks.ReadAsync(RetrainLease.LockName, cancellationToken) : null;
        var elsewhere = held is not null && held.IsHeldAt(now) && held.Holder != coordinator.Holder ? held : null;
        var (newRatings, _) = await scheduler.NewRatingsAsync(cancellationToken);
        var recent = await store.Retrains.RecentAsync(RecentRuns, cancellationToken);
        var settings = options.Value;
        return new RetrainStatusDto(
            Running: here is not null || elsewhere is not null,
            RunningOn: here is not null ? coordinator.Holder : elsewhere?.Holder,
            Trigger: here?.Trigger,
            StartedAt: here?.StartedAt ?? elsewhere?.AcquiredAt,
            Phase: here?.Phase ?? (elsewhere is null ? null : "training on another instance"),
            Percent: here?.Percent,
            Schedule: settings.HasSchedule ? settings.Schedule!.Trim() : null,
            TimeZone: settings.TimeZone,
            NextScheduledRun: scheduler.NextScheduledRun(now),
            AfterNewRatings: settings.AfterNewRatings,
            NewRatings: newRatings,
            Recent: recent.Select(RetrainRunDto.From).ToList());
    }
}
