namespace MovieRec.Core.Storage;

/// <summary>The username (compared without case) already belongs to another account.</summary>
public sealed class UsernameTakenException : StoreValidationException
{
    public UsernameTakenException(string username)
        : base($"The username '{username}' is already taken.") => Username = username;

    public string Username { get; }
}
