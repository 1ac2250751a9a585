namespace MovieRec.Core.Storage;

/// <summary>
/// User accounts. Usernames are unique without regard to case ("Alice" and "alice" are the same
/// name) and follow <see cref="UsernameRules"/>. Operations on an id that does not exist throw
/// <see cref="StoreValidationException"/>.
/// </summary>
public interface IUserStore
{
    /// <summary>
    /// Creates an account with a new id, greater than every id in the store (dataset users
    /// included). Throws <see cref="UsernameTakenException"/> when the name is in use.
    /// </summary>
    Task<UserAccount> CreateAsync(string username, string? passwordHash, IEnumerable<string>? roles = null, CancellationToken cancellationToken = default);

    Task<UserAccount?> GetByIdAsync(int userId, CancellationToken cancellationToken = default);

    /// <summary>Finds an account by name, ignoring case.</summary>
    Task<UserAccount?> GetByNameAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets (or, with null, removes) the password hash, and renews the security stamp so that
    /// sessions signed in with the old password end. The store never sees a password.
    /// </summary>
    Task SetPasswordHashAsync(int userId, string? passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Adds a role (idempotent) and renews the security stamp. Roles follow <see cref="RoleRules"/>.</summary>
    Task GrantRoleAsync(int userId, string role, CancellationToken cancellationToken = default);

    /// <summary>Removes a role (idempotent) and renews the security stamp, so sessions holding the role end.</summary>
    Task RevokeRoleAsync(int userId, string role, CancellationToken cancellationToken = default);

    /// <summary>Gives the account a new security stamp: every session signed in before ends (logout everywhere).</summary>
    Task RenewSecurityStampAsync(int userId, CancellationToken cancellationToken = default);

    /// <summary>Counts one more failed login, atomically, and returns the new count.</summary>
    Task<int> RecordFailedLoginAsync(int userId, CancellationToken cancellationToken = default);

    /// <summary>Resets the failed-login count and clears any lockout.</summary>
    Task RecordSuccessfulLoginAsync(int userId, CancellationToken cancellationToken = default);

    /// <summary>Locks the account until the given instant (renewing the security stamp: a lock ends open sessions), or unlocks it with null.</summary>
    Task SetLockoutEndAsync(int userId, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates dataset users with their given ids and no password (import). A user already stored
    /// with the same id and name is left as it is, so importing twice adds nothing; an id or name
    /// held by a different account is an error. Every user is validated before anything is written.
    /// </summary>
    Task<ImportCounts> ImportAsync(IEnumerable<ImportedUser> users, CancellationToken cancellationToken = default);
}
