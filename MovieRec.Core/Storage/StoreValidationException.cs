namespace MovieRec.Core.Storage;

/// <summary>
/// The store refused an input (an unknown user or movie, a rating off the half-star scale, a bad
/// username...). The message says what was wrong in words a person can act on; nothing was written.
/// </summary>
public class StoreValidationException : StoreException
{
    public StoreValidationException(string message) : base(message) { }
}
