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

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
