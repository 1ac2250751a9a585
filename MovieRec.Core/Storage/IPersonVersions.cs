namespace MovieRec.Core.Storage;

/// <summary>
/// A number per person that changes with every write of what their picks are made from: their
/// ratings (one at a time, deleted or imported), their hidden movies and watch-list, their settings.
/// SQLite changes it in the same transaction as the write; MongoDB right after the write (a crash
/// between the two leaves it unchanged until the person's next write). A server may keep a person's
/// state in memory and read only this number per request to know that its copy is still the store's,
/// whichever instance on the store made the write.
/// </summary>
public interface IPersonVersions
{
    /// <summary>The person's version: 0 until their first write, then greater after each write than before it.</summary>
    Task<long> GetAsync(int userId, CancellationToken cancellationToken = default);
}
