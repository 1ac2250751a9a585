namespace MovieRec.Core.Storage;

/// <summary>Role names: 1 to 32 characters, a lower-case letter then letters, digits or '-'.</summary>
public static class RoleRules
{
    public const string Admin = "admin";
    public const int MaxLength = 32;

    /// <summary>Why <paramref name="role"/> is not a role name, or null when it is.</summary>
    public static string? Problem(string? role)
    {
        if (string.IsNullOrEmpty(role))
            return "A role name cannot be empty.";
        if (role.Length > MaxLength)
            return $"A role name can have at most {MaxLength} characters.";
        if (!char.IsAsciiLetterLower(role[0]) || !role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            return $"The role name '{role}' must start with a lower-case letter and hold only a-z, 0-9 and '-'.";
        return null;
    }
}
