using System.Diagnostics;
using Microsoft.Extensions.Options;
using MovieRec.Core.Engine;
using MovieRec.Core.Retraining;
using MovieRec.Core.Storage;
using MovieRec.Web.Configuration;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models;

namespace MovieRec.Web.Retraining;

/// <summary>What <see cref="IRetrainStarter.TryStartAsync"/> did.</summary>
/// <param name="Started">A retrain began in the background.</param>
/// <param name="Message">Why not, or what started, in words for a person.</param>
public sealed record RetrainStart(bool Started, string Message);

/// <summary>Starts a retrain in the background unless one is already running (the scheduler and the admin request).</summary>
public interface IRetrainStarter
{
    Task<RetrainStart> TryStartAsync(string trigger, CancellationToken cancellationToken);
}

/// <summary>A retrain was asked for while another holds the store lock.</summary>
public sealed class RetrainBusyException(string message) : InvalidOperationException(message);

/// <summary>
/// Makes retraining single-flight in this process and across every process on the store: each run
/// holds the store lock (<see cref="RetrainLease"/>), trains through the one <see cref="RetrainService"/>
/// (the gate, then publishing), and records its figures in the store, whether it published, was
/// refused or failed. A failure never touches the active model: publishing is the last step and
/// only an accepted model reaches it.
/// </summary>
public sealed class RetrainCoordinator(
    IMovieRecStore store, RetrainService retraining, ModelSettings settings, IOptions<RetrainOptions> options, RetrainProgress progress,
    LowPriorityScheduler lowPriority, MovieRecMetrics metrics, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<RetrainCoordinator> logger)
    : IRetrainStarter
{
    private int _runningHere;
    private Task _background = Task.CompletedTask;

    /// <summary>This instance's name on the lock and on its runs: host, process id and a random part (two hosts in one process differ).</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>The last run started in the background here (finished when none is running), for tests and shutdown.</summary>
    public Task Background => _background;

    public async Task<RetrainStart> TryStartAsync(string trigger, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _runningHere, 1, 0) != 0)
            return new RetrainStart(false, "A retrain is already running on this instance.");
        RetrainLease? lease;
        try
        {
            lease = await RetrainLease.TryTakeAsync(store.Locks, Holder, Lease, time, logger, cancellationToken);
        }
        catch
        {
            Volatile.Write(ref _runningHere, 0);
            throw;
        }
        if (lease is null)
        {
            Volatile.Write(ref _runningHere, 0);
            return new RetrainStart(false, await BusyMessageAsync(cancellationToken));
        }
        var request = new RetrainRequest(CsvPath: null, settings.Path, settings.TrainingOptions with { Threads = options.Value.Threads });
        _background = Task.Run(async () =>
        {
            try
            {
                await RunHoldingAsync(lease, request, trigger, report: null, lowPriority, lifetime.ApplicationStopping);
            }
            catch (Exception error)
            {
                // Recorded as a failed run already; the active model keeps serving.
                logger.LogDebug(error, "The background retrain ended with an error");
            }
            finally
            {
                Volatile.Write(ref _runningHere, 0);
            }
        }, CancellationToken.None);
        logger.LogInformation("Retrain started ({Trigger})", trigger);
        return new RetrainStart(true, $"Retrain started ({trigger}).");
    }

    /// <summary>
    /// Runs one retrain in the caller's flow (the `retrain` command, the first model at startup)
    /// under the same lock, with the caller's request and progress display, on the thread pool at
    /// normal priority.
    /// </summary>
    /// <exception cref="RetrainBusyException">Another instance or command is retraining.</exception>
    public async Task<RetrainResult> RunAsync(RetrainRequest request, string trigger, Action<IterationReport>? report = null, CancellationToken cancellationToken = default)
    {
        var lease = await RetrainLease.TryTakeAsync(store.Locks, Holder, Lease, time, logger, cancellationToken)
            ?? throw new RetrainBusyException(await BusyMessageAsync(cancellationToken));
        return await RunHoldingAsync(lease, request, trigger, report, trainOn: null, cancellationToken);
    }

    private async Task<RetrainResult> RunHoldingAsync(RetrainLease lease, RetrainRequest request, string trigger, Action<IterationReport>? report,
        TaskScheduler? trainOn, CancellationToken cancellationToken)
    {
        await using (lease)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            var startedAt = time.GetUtcNow();
            long started = Stopwatch.GetTimestamp();
            long writesAtStart = 0;
            progress.Begin(trigger, startedAt, request.Options);
            try
            {
                // Read before the ratings are: a rating written meanwhile counts towards the next retrain too, never towards none.
                writesAtStart = await store.Retrains.RatingWritesAsync(stop.Token);
                var result = await retraining.RunAsync(request, trigger, Both(progress.Report, report), stop.Token, trainOn);
                metrics.Retrain(Stopwatch.GetElapsedTime(started), result.Written);
                await RecordAsync(Run(startedAt, trigger, result.Written ? RetrainOutcome.Published : RetrainOutcome.Refused,
                    result.Verdict.Reason, writesAtStart) with
                {
                    Ratings = result.MergedRatings,
                    HeldOutRmse = result.NewRmse,
                    BiasOnlyRmse = result.BiasOnlyRmse,
                    CurrentRmse = result.CurrentRmse,
                    HeldOutNdcg = result.HeldOutNdcg,
                    HeldOutAsServed = result.HeldOutAsServed,
                });
                logger.LogInformation("Retrain ({Trigger}) {Outcome}: {Reason}", trigger, result.Written ? "published" : "refused", result.Verdict.Reason);
                return result;
            }
            catch (Exception error)
            {
                metrics.Retrain(Stopwatch.GetElapsedTime(started), written: false);
                string reason = error is OperationCanceledException
                    ? lease.Lost.IsCancellationRequested ? "stopped: the store lock was lost" : "stopped before it finished (shutdown or cancel)"
                    : $"failed: {error.Message}";
                await RecordAsync(Run(startedAt, trigger, RetrainOutcome.Failed, reason, writesAtStart));
                logger.LogError(error, "Retrain ({Trigger}) {Reason}; the active model keeps serving", trigger, reason);
                throw;
            }
            finally
            {
                progress.End();
            }
        }
    }

    private RetrainRun Run(DateTimeOffset startedAt, string trigger, RetrainOutcome outcome, string reason, long writesAtStart) =>
        new(startedAt, time.GetUtcNow(), trigger, Holder, outcome, reason, 0, null, null, null, null, writesAtStart);

    private async Task RecordAsync(RetrainRun run)
    {
        try
        {
            // Not the run's token: a run stopped by shutdown is still worth a line in the record.
            await store.Retrains.RecordAsync(run, CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not record the retrain run in the store");
        }
    }

    private async Task<string> BusyMessageAsync(CancellationToken cancellationToken)
    {
        var holder = await store.Locks.ReadAsync(RetrainLease.LockName, cancellationToken);
        return holder is null
            ? "A retrain is already running."
            : $"A retrain is already running on {holder.Holder} (since {holder.AcquiredAt:u}; its lock lasts until {holder.ExpiresAt:u} unless renewed).";
    }

    private static Action<IterationReport> Both(Action<IterationReport> first, Action<IterationReport>? second) =>
        second is null ? first : report => { first(report); second(report); };
}
