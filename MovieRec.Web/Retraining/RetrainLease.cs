using MovieRec.Core.Storage;

namespace MovieRec.Web.Retraining;

/// <summary>
/// The store lock "retrain" held for one run: taken at start, renewed every third of its lease
/// while the run goes on, released at the end. When renewal fails for longer than the lease (the
/// store unreachable, or the lease expired and another instance took it), <see cref="Lost"/> is
/// cancelled, so the run stops rather than train beside another instance. A process that dies
/// stops renewing, and the lease runs out by itself.
/// </summary>
public sealed class RetrainLease : IAsyncDisposable
{
    public const string LockName = "retrain";

    private readonly IStoreLocks _locks;
    private readonly string _holder;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private RetrainLease(IStoreLocks locks, string holder, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _locks = locks;
        _holder = holder;
        _lease = lease;
        _time = time;
        _logger = logger;
        _renewing = Task.Run(RenewAsync);
    }

    /// <summary>Cancelled when the lease could not be kept.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Takes the lease, or returns null when another holder has it.</summary>
    public static async Task<RetrainLease?> TryTakeAsync(IStoreLocks locks, string holder, TimeSpan lease, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!await locks.TryAcquireAsync(LockName, holder, time.GetUtcNow(), lease, cancellationToken))
            return null;
        return new RetrainLease(locks, holder, lease, time, logger);
    }

    private async Task RenewAsync()
    {
        var renewedAt = _time.GetUtcNow();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_lease / 3, _time, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var now = _time.GetUtcNow();
                if (await _locks.RenewAsync(LockName, _holder, now, _lease, _stop.Token))
                {
                    renewedAt = now;
                    continue;
                }
                _logger.LogError("The retrain lock was taken by another instance: this retrain stops");
                await _lost.CancelAsync();
                return;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "Could not renew the retrain lock; trying again");
                if (_time.GetUtcNow() - renewedAt >= _lease)
                {
                    _logger.LogError("The retrain lock could not be renewed within its lease: this retrain stops");
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        try
        {
            await _locks.ReleaseAsync(LockName, _holder);
        }
        catch (Exception error)
        {
            // Not released: it expires by itself within the lease.
            _logger.LogWarning(error, "Could not release the retrain lock; it expires within its lease");
        }
        _lost.Dispose();
        _stop.Dispose();
    }
}
