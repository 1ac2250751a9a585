using Microsoft.Extensions.Options;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models.Experiments;
using MovieRec.Web.Models.History;

namespace MovieRec.Web.Models;

/// <summary>
/// Keeps the served model in step with the model file. A FileSystemWatcher reacts to a new file at
/// once; a periodic check (size, last-write time, stored checksum) catches what the watcher misses
/// (network shares, editors that write in place). A new file is loaded and validated off the request
/// path and swapped in with one assignment; a file that fails to load is logged and the old model
/// keeps serving. At startup without a file, the first model is trained in the background.
/// No load can stop the host: every exception (out of memory included) is caught and logged, each
/// load runs under a time limit and the size ceiling of <see cref="ModelLoadingOptions"/>.
/// </summary>
public sealed class ModelReloader(
    ModelHolder holder, ModelSettings settings, InitialTraining training, IOptions<ModelLoadingOptions> loading, TimeProvider time,
    MovieRecMetrics metrics, ActiveVersionFollower follower, CandidateLoader candidate, ILogger<ModelReloader> logger)
    : BackgroundService
{
    // One load at a time: the watcher, the timer and the admin API may all ask at once.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStamp? _lastRefused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // Let the host finish starting; serving never waits for a model.
        try
        {
            await FollowActiveVersionAsync(stoppingToken);
            await ReloadAsync("startup", force: false, stoppingToken);
            if (holder.Current is null && !File.Exists(settings.Path) && await training.RunAsync(stoppingToken))
                await ReloadAsync("initial training", force: false, stoppingToken);
            await candidate.RefreshAsync(stoppingToken);

            using var watcher = Watch(stoppingToken);
            using var timer = new PeriodicTimer(settings.PollInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                bool replaced = await FollowActiveVersionAsync(stoppingToken);
                await ReloadAsync(replaced ? "version activated" : "periodic check", force: false, stoppingToken);
                await candidate.RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (Exception error)
        {
            // A background service that throws stops the whole host; the app must keep serving
            // (popularity, or the model it has) with the watcher gone rather than not at all.
            logger.LogError(error, "The model reloader stopped; the current model keeps serving but new files are not picked up until a restart");
        }
    }

    /// <summary>
    /// Copies the store's active version over Model:Path when another process activated one; a store
    /// that does not answer is logged and the model being served goes on.
    /// </summary>
    private async Task<bool> FollowActiveVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await follower.FollowAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not check the active model version ({Reason}); the current model keeps serving", error.Message);
            return false;
        }
    }

    /// <summary>
    /// Loads the model file when it differs from the model being served (or always, with
    /// <paramref name="force"/>) and swaps it in. Returns the outcome of this attempt, or null when
    /// nothing had changed and nothing was tried.
    /// </summary>
    public async Task<ReloadOutcome?> ReloadAsync(string trigger, bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stamp = FileStamp.Read(settings.Path);
            if (stamp is null)
                {
                // The answer reaches /health, which anyone may read: the server's folders stay in the log.
                if (force) logger.LogWarning("There is no model file at {ModelPath}", settings.Path);
                return force ? Refuse(trigger, "There is no model file at the configured Model:Path.", null, stamp) : null;
            }
            if (!force && stamp == _lastRefused) return null;

            var current = holder.Current;
            var limits = loading.Value;
            // Off the request path and under a time limit: a file that cannot be read in time is
            // given up (the work left behind ends by itself) and the gate is free for the next one.
            var loaded = await Task.Run(() =>
            {
                // The stored checksum costs a few kilobytes to read: the cheap way to see that nothing changed.
                var header = ModelFile.ReadInfo(settings.Path);
                if (!force && current is not null && header.Checksum == current.File.Checksum) return null;
                var model = ModelFile.Read(settings.Path, limits.EffectiveMaxFileBytes, out var fileInfo);
                return new (ModelSnapshot Model, ModelFileInfo Info)?((model, fileInfo));
            }, cancellationToken).WaitAsync(limits.Timeout, time, cancellationToken);
            if (loaded is not { } found) return null;
            var (snapshot, info) = found;
            var active = new ActiveModel(snapshot, new Recommender(snapshot), info, time.GetUtcNow());
            var outcome = new ReloadOutcome(time.GetUtcNow(), trigger, true,
                $"Loaded {info.ItemCount} movies, {info.UserCount} users, rank {info.Rank}.", info.Checksum);
            holder.Activate(active, outcome);
            metrics.Reload(succeeded: true, trigger);
            _lastRefused = null;
            logger.LogInformation("Model loaded from {ModelPath} ({Trigger}): checksum {Checksum}, {Movies} movies, {Users} users",
                settings.Path, trigger, info.Checksum, info.ItemCount, info.UserCount);
            return outcome;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // ModelFileException is an IOException: a damaged, truncated or foreign file lands here too.
            logger.LogWarning("Model file {ModelPath} refused ({Trigger}); the current model keeps serving: {Reason}",
                settings.Path, trigger, error.Message);
            return Refuse(trigger, error.Message, null, FileStamp.Read(settings.Path));
        }
        catch (TimeoutException)
        {
            string message = $"Loading the model file took longer than {loading.Value.TimeoutSeconds} s and was given up (setting Model:Loading:TimeoutSeconds).";
            logger.LogWarning("Model file {ModelPath} refused ({Trigger}); the current model keeps serving: {Reason}", settings.Path, trigger, message);
            return Refuse(trigger, message, null, FileStamp.Read(settings.Path));
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else (out of memory on a huge model, a bug in validation): logged in full,
            // refused like a bad file, and the host goes on.
            logger.LogError(error, "Loading model file {ModelPath} failed ({Trigger}); the current model keeps serving", settings.Path, trigger);
            return Refuse(trigger, $"Loading failed: {error.GetType().Name}: {error.Message}", null, FileStamp.Read(settings.Path));
        }
        finally
        {
            _gate.Release();
        }
    }

    private ReloadOutcome Refuse(string trigger, string message, string? checksum, FileStamp? stamp)
    {
        _lastRefused = stamp;
        var outcome = new ReloadOutcome(time.GetUtcNow(), trigger, false, message, checksum);
        holder.RecordRefusal(outcome);
        metrics.Reload(succeeded: false, trigger);
        return outcome;
    }

    private FileSystemWatcher? Watch(CancellationToken stoppingToken)
    {
        string? folder = Path.GetDirectoryName(settings.Path);
        if (folder is null) return null;
        try
        {
            Directory.CreateDirectory(folder);
            var watcher = new FileSystemWatcher(folder, Path.GetFileName(settings.Path))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            // The model file is replaced by an atomic rename, which shows up as Renamed or Created.
            FileSystemEventHandler changed = (_, _) => ReloadSoon(stoppingToken);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Renamed += (_, _) => ReloadSoon(stoppingToken);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception error) when (error is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.LogWarning("Cannot watch {Folder} ({Reason}); the periodic check alone will notice new model files", folder, error.Message);
            return null;
        }
    }

    private void ReloadSoon(CancellationToken stoppingToken) => _ = Task.Run(async () =>
    {
        try
        {
            // A writer may still be closing the file: let it settle for a moment.
            await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken);
            await ReloadAsync("file changed", force: false, stoppingToken);
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
        {
            // Shutdown: the event came as the service was stopping.
        }
    }, stoppingToken);

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
