using Microsoft.AspNetCore.Identity;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>
/// Registration and password checks with lockout: after <see cref="MaxFailedLogins"/> wrong
/// passwords in a row the account refuses every login, right or wrong, for <see cref="LockoutDuration"/>.
/// The lockout is the login throttle.
/// </summary>
public sealed class AccountService(IMovieRecStore store, IPasswordHasher<UserAccount> hasher, TimeProvider time, ILogger<AccountService> logger)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    /// <summary>Creates an account; throws <see cref="UsernameTakenException"/> or <see cref="StoreValidationException"/>.</summary>
    public async Task<UserAccount> RegisterAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        if (PasswordRules.Problem(password) is { } problem) throw new StoreValidationException(problem);
        // The hasher needs an account instance only for its type; PasswordHasher ignores its content.
        string hash = hasher.HashPassword(Placeholder, password);
        var account = await store.Users.CreateAsync(username, hash, cancellationToken: cancellationToken);
        logger.LogInformation("Account {UserId} registered", account.UserId);
        return account;
    }

    public async Task<LoginResult> LogInAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        var account = UsernameRules.Problem(username) is null ? await store.Users.GetByNameAsync(username, cancellationToken) : null;
        if (account is null || !account.CanLogIn)
        {
            // Dataset users have no password hash: they cannot log in until an admin gives them one.
            logger.LogInformation("Login refused: no such account or no password set");
            return new LoginResult(LoginOutcome.Refused, null);
        }
        var now = time.GetUtcNow();
        if (account.IsLockedOut(now))
        {
            logger.LogInformation("Login refused for {UserId}: locked out until {LockoutEnd}", account.UserId, account.LockoutEnd);
            return new LoginResult(LoginOutcome.LockedOut, null, account.LockoutEnd);
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash!, password);
        if (verdict == PasswordVerificationResult.Failed)
            return await FailAsync(account, now, cancellationToken);

        await store.Users.RecordSuccessfulLoginAsync(account.UserId, cancellationToken);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await store.Users.SetPasswordHashAsync(account.UserId, hasher.HashPassword(account, password), cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, account);
    }

    private async Task<LoginResult> FailAsync(UserAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int failures = await store.Users.RecordFailedLoginAsync(account.UserId, cancellationToken);
        if (failures < MaxFailedLogins)
        {
            logger.LogInformation("Wrong password for {UserId} ({Failures} in a row)", account.UserId, failures);
            return new LoginResult(LoginOutcome.Refused, null);
        }
        // Start the count afresh for after the lockout (the reset also clears any lockout, so it
        // comes first), then lock: five more failures are needed to lock again.
        var until = now + LockoutDuration;
        await store.Users.RecordSuccessfulLoginAsync(account.UserId, cancellationToken);
        await store.Users.SetLockoutEndAsync(account.UserId, until, cancellationToken);
        logger.LogWarning("Account {UserId} locked until {LockoutEnd} after {Failures} failed logins", account.UserId, until, failures);
        return new LoginResult(LoginOutcome.LockedOut, null, until);
    }

    private static readonly UserAccount Placeholder = new(0, "new", null, [], 0, null, DateTimeOffset.UnixEpoch);
}
