using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.People;

namespace MovieRec.Web.Recommendations;

/// <summary>
/// The movies each person hid ("not interested"), as the exclusion set that picks, the popular
/// fallback and similar lists apply, and the writes of a person's lists. The set comes from the
/// person's kept state (<see cref="PersonStates"/>): reading 10,000 hidden rows from SQLite costs
/// 20 to 35 ms, more than the picks themselves (docs/BENCHMARKS.md, "Picks of a person with 10,000
/// hidden movies"). Every list write changes the person's version in the store, so a set read
/// before a change is never served after it, on this instance or any other.
/// </summary>
public sealed class HiddenMovies(IMovieRecStore store, PersonStates people)
{
    public async Task<Exclusions> OfAsync(int userId, CancellationToken cancellationToken = default) =>
        (await people.OfAsync(userId, cancellationToken)).Hidden;

    /// <summary>Adds the movie to one of the person's lists (see <see cref="IPersonListStore.AddAsync"/>).</summary>
    public Task<bool> AddAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default) =>
        store.PersonLists.AddAsync(userId, list, movieId, cancellationToken);

    /// <summary>Removes the movie from one of the person's lists (see <see cref="IPersonListStore.RemoveAsync"/>).</summary>
    public Task<bool> RemoveAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default) =>
        store.PersonLists.RemoveAsync(userId, list, movieId, cancellationToken);
}
