using Cronos;
using Microsoft.Extensions.Options;
using MovieRec.Core.Storage;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Retraining;

/// <summary>
/// Starts retrains by itself: at each occurrence of Retrain:Schedule, and when the store's count of
/// rating writes has grown by Retrain:AfterNewRatings since the last run began (checked every
/// Retrain:CheckSeconds). Every instance runs one; the store lock lets one of them train and the
/// others find it busy. Waits on the injected clock, so tests drive it with a fake one.
/// </summary>
public sealed class RetrainScheduler(
    IRetrainStarter starter, IMovieRecStore store, IOptions<RetrainOptions> options, TimeProvider time, ILogger<RetrainScheduler> logger)
    : BackgroundService
{
    public const string ScheduleTrigger = "schedule";
    public const string RatingsTrigger = "new ratings";

    private readonly CronExpression? _schedule = options.Value.ParsedSchedule();
    private readonly TimeZoneInfo _zone = options.Value.ParsedTimeZone();

    /// <summary>The next time the schedule fires, or null without a schedule.</summary>
    public DateTimeOffset? NextScheduledRun(DateTimeOffset after) => _schedule?.GetNextOccurrence(after, _zone);

    /// <summary>Rating writes since the last run began, and whether that reaches Retrain:AfterNewRatings (never when it is 0).</summary>
    public async Task<(long NewRatings, bool Due)> NewRatingsAsync(CancellationToken cancellationToken)
    {
        long writes = await store.Retrains.RatingWritesAsync(cancellationToken);
        var last = await store.Retrains.RecentAsync(1, cancellationToken);
        long since = writes - (last.Count == 0 ? 0 : last[0].RatingWritesAtStart);
        int threshold = options.Value.AfterNewRatings;
        return (since, threshold > 0 && since >= threshold);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int threshold = options.Value.AfterNewRatings;
        if (_schedule is null && threshold == 0)
        {
            logger.LogInformation("No Retrain:Schedule and no Retrain:AfterNewRatings: the app retrains only when an administrator asks");
            return;
        }
        var check = TimeSpan.FromSeconds(options.Value.CheckSeconds);
        var nextScheduled = NextScheduledRun(time.GetUtcNow());
        logger.LogInformation("Retraining {Schedule}{Ratings}; next scheduled run {Next}",
            _schedule is null ? "off schedule" : $"on \"{options.Value.Schedule}\" ({_zone.Id})",
            threshold > 0 ? $" and after {threshold} new ratings" : "", nextScheduled?.ToString("u") ?? "none");
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var wake = threshold > 0 ? now + check : nextScheduled ?? now + check;
            if (nextScheduled is { } scheduled && scheduled < wake) wake = scheduled;
            try
            {
                if (wake > now) await Task.Delay(wake - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (nextScheduled is { } due && time.GetUtcNow() >= due)
                {
                    // The next occurrence after this one: a run missed while busy is not made up twice.
                    nextScheduled = NextScheduledRun(time.GetUtcNow());
                    await StartAsync(ScheduleTrigger, stoppingToken);
                }
                else if (threshold > 0 && (await NewRatingsAsync(stoppingToken)).Due)
                {
                    await StartAsync(RatingsTrigger, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A store that does not answer now may answer at the next check; the loop goes on.
                logger.LogWarning(error, "The retrain scheduler could not check or start a retrain; it tries again later");
            }
        }
    }

    private async Task StartAsync(string trigger, CancellationToken cancellationToken)
    {
        var start = await starter.TryStartAsync(trigger, cancellationToken);
        if (!start.Started) logger.LogInformation("Retrain ({Trigger}) not started: {Message}", trigger, start.Message);
    }
}
