using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>
/// The one door to the password hasher: at most <see cref="SignInLimitOptions.ConcurrentHashes"/>
/// hashes at once, a short queue, and "busy" beyond it, so that a login flood costs a bounded
/// share of the CPU. An unknown or password-less account is verified against a decoy hash, so
/// every refused login costs the same hashing work and timing does not reveal which names exist.
/// </summary>
public sealed class PasswordHashing : IDisposable
{
    private readonly IPasswordHasher<UserAccount> _hasher;
    private readonly ConcurrencyLimiter _slots;
    private readonly Lazy<string> _decoyHash;

    public PasswordHashing(IPasswordHasher<UserAccount> hasher, IOptions<SignInLimitOptions> options)
    {
        _hasher = hasher;
        var limits = options.Value;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.EffectiveConcurrentHashes,
            QueueLimit = limits.QueuedHashes,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        // Made with the same hasher and settings as real hashes, so verifying it costs the same.
        _decoyHash = new Lazy<string>(() => hasher.HashPassword(Placeholder, Convert.ToHexString(Guid.NewGuid().ToByteArray())));
    }

    /// <summary>The hash of a new password, or null when the hashing slots and their queue are full.</summary>
    public async Task<string?> HashAsync(string password, CancellationToken cancellationToken)
    {
        using var lease = await _slots.AcquireAsync(1, cancellationToken);
        return lease.IsAcquired ? _hasher.HashPassword(Placeholder, password) : null;
    }

    /// <summary>
    /// Checks a password against an account's hash (or, with no hash, against the decoy, which
    /// always fails). Null when the slots and their queue are full.
    /// </summary>
    public async Task<PasswordVerificationResult?> VerifyAsync(UserAccount? account, string password, CancellationToken cancellationToken)
    {
        using var lease = await _slots.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired) return null;
        if (account?.PasswordHash is { } hash) return _hasher.VerifyHashedPassword(account, hash, password);
        _hasher.VerifyHashedPassword(Placeholder, _decoyHash.Value, password);
        return PasswordVerificationResult.Failed;
    }

    public void Dispose() => _slots.Dispose();

    // PasswordHasher uses the account only for its type; it ignores the content.
    private static readonly UserAccount Placeholder = new(0, "new", null, [], 0, null, DateTimeOffset.UnixEpoch);
}
