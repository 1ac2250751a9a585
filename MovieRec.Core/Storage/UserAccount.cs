namespace MovieRec.Core.Storage;

/// <summary>
/// A stored account. PasswordHash is null for dataset users imported from MovieLens: they cannot
/// log in until an admin sets one. Roles are lower-case names such as "admin".
/// </summary>
public sealed record UserAccount(
    int UserId,
    string Username,
    string? PasswordHash,
    IReadOnlyList<string> Roles,
    int FailedLoginCount,
    DateTimeOffset? LockoutEnd,
    DateTimeOffset CreatedAt)
{
    public bool CanLogIn => PasswordHash is not null;

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
