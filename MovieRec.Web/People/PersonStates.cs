using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.People;

/// <summary>
/// Each person's <see cref="PersonState"/>, kept in memory and checked on every request against
/// their version in the store (<see cref="IPersonVersions"/>: one primary-key read). A person whose
/// version is unchanged is served from memory with no other store read and, for a repeated
/// request, no scoring; any write of their ratings, lists or settings, by this instance, another
/// instance on the same store or a command, changes the version, so the next request reads them
/// afresh: a kept state is never served after a write. The one read per request was chosen over a
/// staleness bound because picks must leave out a movie the moment it is rated, whichever instance
/// the rating went to. A state is kept for Cache:MovieSeconds at most (the answers in it hold movie
/// records, which are that fresh), and at most <see cref="MaxEntriesHeld"/> ratings and list entries
/// are held over everyone, the least recently used state going first.
/// </summary>
public sealed class PersonStates : IDisposable
{
    /// <summary>Ratings, hidden movies and watch-list entries held over all kept states (about 40 MB).</summary>
    public const long MaxEntriesHeld = 2_000_000;

    private readonly IMovieRecStore _store;
    private readonly MemoryCache _states;
    private readonly TimeSpan _keptFor;

    public PersonStates(IMovieRecStore store, IOptions<CacheOptions> options, TimeProvider clock)
    {
        _store = store;
        _keptFor = TimeSpan.FromSeconds(options.Value.MovieSeconds);
#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes ISystemClock; it is how tests move time.
        _states = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxEntriesHeld, Clock = new TimeProviderClock(clock) });
#pragma warning restore CS0618
    }

    /// <summary>Kept states (expired ones go at the next access or compaction).</summary>
    public long Count => _states.Count;

    /// <summary>The person's state as the store has it now.</summary>
    public async Task<PersonState> OfAsync(int userId, CancellationToken cancellationToken = default)
    {
        // The version is read before the data: data read after it is at least as new, so a state
        // is never older than the version it is kept under.
        long version = await _store.PersonVersions.GetAsync(userId, cancellationToken);
        if (_states.TryGetValue(userId, out PersonState? kept) && kept!.Version == version) return kept;
        var state = await ReadAsync(userId, version, cancellationToken);
        long entries = 1 + state.Ratings.Count + state.Hidden.Count + state.WatchList.Count;
        _states.Set(userId, state, new MemoryCacheEntryOptions { Size = entries, AbsoluteExpirationRelativeToNow = _keptFor });
        return state;
    }

    private async Task<PersonState> ReadAsync(int userId, long version, CancellationToken cancellationToken)
    {
        var ratings = (await _store.Ratings.ListByUserAsync(userId, cancellationToken)).Select(r => new PersonRating(r.MovieId, r.Value)).ToArray();
        var hidden = await _store.PersonLists.ListAsync(userId, PersonList.Hidden, cancellationToken);
        var watchList = await _store.PersonLists.ListAsync(userId, PersonList.WatchList, cancellationToken);
        var settings = await _store.PersonSettings.GetAsync(userId, cancellationToken);
        return new PersonState(version, ratings, Exclusions.None.With(hidden), watchList.ToHashSet(), settings);
    }

    public void Dispose() => _states.Dispose();
}
