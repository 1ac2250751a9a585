using Microsoft.AspNetCore.Identity;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>
/// Registration and password checks with lockout: after <see cref="MaxFailedLogins"/> wrong
/// passwords in a row the account refuses every login, right or wrong, for <see cref="LockoutDuration"/>.
/// Hashing goes through <see cref="PasswordHashing"/> (bounded, same cost for unknown names),
/// attempts per name through <see cref="LoginThrottle"/>.
/// </summary>
public sealed class AccountService(
    IMovieRecStore store, PasswordHashing hashing, LoginThrottle throttle, SessionValidator sessions, TimeProvider time, ILogger<AccountService> logger)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Creates an account; throws <see cref="UsernameTakenException"/> or <see cref="StoreValidationException"/>,
    /// or returns null when the hashing slots are all taken (try again shortly).
    /// </summary>
    public async Task<UserAccount?> RegisterAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        if (PasswordRules.Problem(password) is { } problem) throw new StoreValidationException(problem);
        if (UsernameRules.NewAccountProblem(username) is { } nameProblem) throw new StoreValidationException(nameProblem);
        string? hash = await hashing.HashAsync(password, cancellationToken);
        if (hash is null) return null;
        var account = await store.Users.CreateAsync(UsernameRules.Normalize(username), hash, cancellationToken: cancellationToken);
        logger.LogInformation("Account {UserId} registered", account.UserId);
        return account;
    }

    public async Task<LoginResult> LogInAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        if (!throttle.TryAttempt(username))
        {
            logger.LogInformation("Login refused: too many attempts on one username this minute");
            return new LoginResult(LoginOutcome.Throttled, null);
        }
        var account = UsernameRules.Problem(username) is null ? await store.Users.GetByNameAsync(UsernameRules.Normalize(username), cancellationToken) : null;
        var now = time.GetUtcNow();
        if (account is not null && account.IsLockedOut(now))
        {
            logger.LogInformation("Login refused for {UserId}: locked out until {LockoutEnd}", account.UserId, account.LockoutEnd);
            return new LoginResult(LoginOutcome.LockedOut, null, account.LockoutEnd);
        }

        // Unknown names and dataset users without a password are verified against a decoy hash:
        // the same work as a real check, so the answer's timing does not tell them apart.
        var verdict = await hashing.VerifyAsync(account, password, cancellationToken);
        if (verdict is null) return new LoginResult(LoginOutcome.Busy, null);
        if (account is null || !account.CanLogIn)
        {
            logger.LogInformation("Login refused: no such account or no password set");
            return new LoginResult(LoginOutcome.Refused, null);
        }
        if (verdict == PasswordVerificationResult.Failed)
            return await FailAsync(account, now, cancellationToken);

        await store.Users.RecordSuccessfulLoginAsync(account.UserId, cancellationToken);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded && await hashing.HashAsync(password, cancellationToken) is { } rehashed)
        {
            await store.Users.SetPasswordHashAsync(account.UserId, rehashed, cancellationToken);
            account = await store.Users.GetByIdAsync(account.UserId, cancellationToken) ?? account; // the new hash renewed the stamp
        }
        return new LoginResult(LoginOutcome.Succeeded, account);
    }

    /// <summary>Ends every session of the account (this browser's and any other), by renewing its security stamp.</summary>
    public async Task LogOutEverywhereAsync(int userId, CancellationToken cancellationToken = default)
    {
        await store.Users.RenewSecurityStampAsync(userId, cancellationToken);
        sessions.Forget(userId);
        logger.LogInformation("Sessions of {UserId} ended", userId);
    }

    private async Task<LoginResult> FailAsync(UserAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A lockout that has run out starts the count afresh: five more failures lock again.
        if (account.LockoutEnd is not null)
            await store.Users.RecordSuccessfulLoginAsync(account.UserId, cancellationToken);
        // The store's increment is atomic and its answer decides: however many wrong passwords
        // arrive at once, exactly the ones counted 1 to 4 say "do not match", the rest "locked".
        int failures = await store.Users.RecordFailedLoginAsync(account.UserId, cancellationToken);
        if (failures < MaxFailedLogins)
        {
            logger.LogInformation("Wrong password for {UserId} ({Failures} in a row)", account.UserId, failures);
            return new LoginResult(LoginOutcome.Refused, null);
        }
        var until = now + LockoutDuration;
        if (failures == MaxFailedLogins)
        {
            // The count stays at five or more while locked, so parallel attempts see the lock too;
            // locking renews the security stamp, which ends the account's open sessions.
            await store.Users.SetLockoutEndAsync(account.UserId, until, cancellationToken);
            sessions.Forget(account.UserId);
            logger.LogWarning("Account {UserId} locked until {LockoutEnd} after {Failures} failed logins", account.UserId, until, failures);
        }
        return new LoginResult(LoginOutcome.LockedOut, null, until);
    }
}
