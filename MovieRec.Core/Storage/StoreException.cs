namespace MovieRec.Core.Storage;

/// <summary>A store failure worth explaining to a person: bad configuration, a database from a newer version.</summary>
public class StoreException : Exception
{
    public StoreException(string message) : base(message) { }
    public StoreException(string message, Exception inner) : base(message, inner) { }
}
