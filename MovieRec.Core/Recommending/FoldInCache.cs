using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Recommending;

/// <summary>
/// The last fold-in of each person, for one model, kept while their ratings stay as they were:
/// a person who opens page after page (picks, the Picks page, "show more") is folded in once, not
/// on every request. The key is the person; an entry is used only when the ratings it was computed
/// from equal the ones given now, movie by movie and value by value, so any new, changed or
/// deleted rating is a miss and the profile is computed afresh (no version number to keep in step
/// in two stores, and no chance of a stale profile). One cache per model: a new model starts empty.
/// Bounded by people and by the ratings held, least recently used first out. Thread-safe.
/// </summary>
public sealed class FoldInCache(int maxPeople = FoldInCache.DefaultMaxPeople, long maxRatings = FoldInCache.DefaultMaxRatings)
{
    public const int DefaultMaxPeople = 10_000;

    /// <summary>About 12 bytes a rating: 24 MB at most.</summary>
    public const long DefaultMaxRatings = 2_000_000;

    private sealed record Entry(int PersonId, PersonRating[] Ratings, UserProfile Profile);

    private readonly Dictionary<int, LinkedListNode<Entry>> _byPerson = [];
    private readonly LinkedList<Entry> _recentFirst = [];
    private readonly Lock _lock = new();
    private long _ratingsHeld;

    public int Count
    {
        get { lock (_lock) return _byPerson.Count; }
    }

    /// <summary>Hits and misses since the cache was made (for the bench and the tests).</summary>
    public long Hits { get; private set; }

    public long Misses { get; private set; }

    /// <summary>
    /// The person's profile from <paramref name="ratings"/>: the cached one when they are the same
    /// ratings in the same order as last time, else <paramref name="compute"/>'s, which is then kept.
    /// </summary>
    public UserProfile GetOrCompute(int personId, IReadOnlyList<PersonRating> ratings, Func<UserProfile> compute)
    {
        lock (_lock)
        {
            if (_byPerson.TryGetValue(personId, out var node) && SameRatings(node.Value.Ratings, ratings))
            {
                _recentFirst.Remove(node);
                _recentFirst.AddFirst(node);
                Hits++;
                return node.Value.Profile;
            }
            Misses++;
        }
        // Computed outside the lock: a heavy rater's fold-in takes milliseconds.
        var profile = compute();
        var entry = new Entry(personId, ratings.ToArray(), profile);
        lock (_lock)
        {
            Remove(personId);
            if (entry.Ratings.Length > maxRatings) return profile;
            _byPerson[personId] = _recentFirst.AddFirst(entry);
            _ratingsHeld += entry.Ratings.Length;
            while (_byPerson.Count > maxPeople || _ratingsHeld > maxRatings) Remove(_recentFirst.Last!.Value.PersonId);
        }
        return profile;
    }

    /// <summary>Forgets a person (their ratings changed; the next call would miss anyway, this frees the memory sooner).</summary>
    public void Forget(int personId)
    {
        lock (_lock) Remove(personId);
    }

    private void Remove(int personId)
    {
        if (!_byPerson.Remove(personId, out var node)) return;
        _recentFirst.Remove(node);
        _ratingsHeld -= node.Value.Ratings.Length;
    }

    private static bool SameRatings(PersonRating[] cached, IReadOnlyList<PersonRating> ratings)
    {
        if (cached.Length != ratings.Count) return false;
        for (int n = 0; n < cached.Length; n++)
        {
            var rating = ratings[n];
            // Bitwise, so that a NaN rating (dropped by fold-in, but still "the same list") compares equal to itself.
            if (cached[n].MovieId != rating.MovieId || BitConverter.DoubleToInt64Bits(cached[n].Value) != BitConverter.DoubleToInt64Bits(rating.Value)) return false;
        }
        return true;
    }
}
