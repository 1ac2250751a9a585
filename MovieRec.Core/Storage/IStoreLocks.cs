namespace MovieRec.Core.Storage;

/// <summary>
/// Named leases kept in the store, so that work which must run once at a time (a retrain) is
/// single-flight across every process sharing the store. A lease is held until its holder releases
/// it or its expiry passes, so a holder that crashes or is killed blocks the work for at most one
/// lease; a live holder renews before expiry. Times come from the caller's clock: every instance
/// should keep its clock in sync (NTP), and a lease should be long next to any skew between them.
/// </summary>
public interface IStoreLocks
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="holder"/> until
    /// <paramref name="now"/> + <paramref name="lease"/> when nobody holds it, its lease has expired,
    /// or <paramref name="holder"/> holds it already (then it is taken afresh). False when another holder has it.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease <paramref name="holder"/> still holds; false when it was lost (expired and taken by another).</summary>
    Task<bool> RenewAsync(string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it; a lease held by another is left alone.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default);

    /// <summary>Who holds the lease and until when (possibly already expired), or null when nobody took it or it was released.</summary>
    Task<StoreLock?> ReadAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>A lease as stored: its holder, when they (last) took it and when it runs out unless renewed.</summary>
public sealed record StoreLock(string Name, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    public bool IsHeldAt(DateTimeOffset now) => ExpiresAt > now;
}
