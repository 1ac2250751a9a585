using System.Collections.Concurrent;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Caching;

namespace MovieRec.Web.Recommendations;

/// <summary>
/// The movies each person hid ("not interested"), as the exclusion set that picks, the popular
/// fallback and similar lists apply. Kept in <see cref="MovieRecCache"/>: reading 10,000 hidden
/// rows from SQLite costs 20 to 35 ms, more than the picks themselves (docs/BENCHMARKS.md, "Picks
/// of a person with 10,000 hidden movies"), and the list changes only when the person changes it.
/// Every change goes through <see cref="AddAsync"/> / <see cref="RemoveAsync"/>, which move the
/// person to a new cache generation, so a list read before the change is never served after it.
/// </summary>
public sealed class HiddenMovies(IMovieRecStore store, MovieRecCache cache)
{
    /// <summary>How long a person's hidden set is kept without being asked for; a change replaces it at once.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<int, int> _generations = new();

    private sealed record Key(int UserId, int Generation);

    public Task<Exclusions> OfAsync(int userId, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(new Key(userId, _generations.GetValueOrDefault(userId)), KeptFor, CacheDependency.None,
            async () => Exclusions.None.With(await store.PersonLists.ListAsync(userId, PersonList.Hidden, cancellationToken)));

    /// <summary>Adds the movie to one of the person's lists (see <see cref="IPersonListStore.AddAsync"/>).</summary>
    public async Task<bool> AddAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PersonLists.AddAsync(userId, list, movieId, cancellationToken);
        }
        finally
        {
            if (list == PersonList.Hidden) NextGeneration(userId);
        }
    }

    /// <summary>Removes the movie from one of the person's lists (see <see cref="IPersonListStore.RemoveAsync"/>).</summary>
    public async Task<bool> RemoveAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PersonLists.RemoveAsync(userId, list, movieId, cancellationToken);
        }
        finally
        {
            if (list == PersonList.Hidden) NextGeneration(userId);
        }
    }

    private void NextGeneration(int userId) => _generations.AddOrUpdate(userId, 1, (_, generation) => generation + 1);
}
