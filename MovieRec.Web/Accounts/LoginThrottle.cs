using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>
/// Login attempts per username, from every address together (the per-address limit is the
/// ASP.NET Core rate limiter on the form, see <see cref="SignInRateLimits"/>): a fixed window of
/// one minute per name. The name is the store's comparison key, so "Alice" and "alice" share one.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginThrottle(IOptions<SignInLimitOptions> options, TimeProvider time)
    {
        int permits = options.Value.LoginsPerUsernamePerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Counts one attempt on <paramref name="username"/>; false when the name has had its share this minute.</summary>
    public bool TryAttempt(string username)
    {
        using var lease = _limiter.AttemptAcquire(UsernameRules.ComparisonKey(username));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
