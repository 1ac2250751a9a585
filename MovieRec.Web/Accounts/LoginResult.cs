using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

public enum LoginOutcome
{
    Succeeded,
    /// <summary>Unknown name, wrong password, or a dataset user without a password: told apart only in the log.</summary>
    Refused,
    LockedOut,
}

public sealed record LoginResult(LoginOutcome Outcome, UserAccount? Account, DateTimeOffset? LockedUntil = null);
