using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

public enum LoginOutcome
{
    Succeeded,
    /// <summary>Unknown name, wrong password, or a dataset user without a password: told apart only in the log.</summary>
    Refused,
    LockedOut,
    /// <summary>This username has had its share of attempts this minute.</summary>
    Throttled,
    /// <summary>Every password-hashing slot and its queue are taken.</summary>
    Busy,
}

public sealed record LoginResult(LoginOutcome Outcome, UserAccount? Account, DateTimeOffset? LockedUntil = null);
