namespace MovieRec.Web.Accounts;

/// <summary>Passwords: 8 to 128 characters. Long enough to resist guessing, short enough that hashing stays cheap.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>Why <paramref name="password"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            return $"A password needs at least {MinLength} characters.";
        if (password.Length > MaxLength)
            return $"A password can have at most {MaxLength} characters.";
        return null;
    }
}
