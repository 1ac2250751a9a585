namespace MovieRec.Core.Storage;

/// <summary>
/// A stored account. PasswordHash is null for dataset users imported from MovieLens: they cannot
/// log in until an admin sets one. Roles are lower-case names such as "admin".
/// SecurityStamp changes whenever what a sign-in cookie vouches for changes (password, roles,
/// lockout, logout): a cookie carrying an older stamp no longer signs anyone in.
/// </summary>
public sealed record UserAccount(
    int UserId,
    string Username,
    string? PasswordHash,
    IReadOnlyList<string> Roles,
    int FailedLoginCount,
    DateTimeOffset? LockoutEnd,
    DateTimeOffset CreatedAt,
    string SecurityStamp = "")
{
    public bool CanLogIn => PasswordHash is not null;

    /// <summary>
    /// Whether this is a user imported from a MovieLens dataset (named "movielens-{id}" by import, a
    /// name no registration may take) rather than a person who registered in the app. A dataset
    /// user keeps this after `users set-password` gives them a password.
    /// </summary>
    public bool IsDatasetUser => string.Equals(Username, ImportedUser.FromDataset(UserId).Username, StringComparison.OrdinalIgnoreCase);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
