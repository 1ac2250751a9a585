namespace MovieRec.Core.Storage;

/// <summary>The per-person movie lists a person keeps beside their ratings.</summary>
public enum PersonList
{
    /// <summary>"Not interested": never offered in picks or similar lists.</summary>
    Hidden,

    /// <summary>Movies the person means to watch.</summary>
    WatchList,
}

/// <summary>
/// Each person's hidden movies and watch-list: a set of movie ids per (person, list), with the
/// time each was added. Adding or removing twice changes nothing the second time. An unknown
/// person or movie is refused with <see cref="StoreValidationException"/> and nothing is written.
/// </summary>
public interface IPersonListStore
{
    /// <summary>Adds the movie to the list; true when it was not there yet.</summary>
    Task<bool> AddAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default);

    /// <summary>Removes the movie from the list; true when it was there.</summary>
    Task<bool> RemoveAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default);

    /// <summary>The movie ids on the list, most recently added first.</summary>
    Task<IReadOnlyList<int>> ListAsync(int userId, PersonList list, CancellationToken cancellationToken = default);
}
