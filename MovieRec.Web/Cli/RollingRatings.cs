using MovieRec.Core.Recommending;

namespace MovieRec.Web.Cli;

/// <summary>
/// A benchmark person of a fixed number of ratings who rates one more movie before each sample:
/// the new rating comes in and the oldest makes way, so every sample is a person of the same size
/// whose fold-in must be computed afresh (bench recommend's "picks after a new rating").
/// </summary>
public sealed class RollingRatings
{
    private readonly Queue<PersonRating> _ratings;
    private readonly HashSet<int> _movies;

    public RollingRatings(IEnumerable<PersonRating> ratings)
    {
        _ratings = new Queue<PersonRating>(ratings);
        _movies = _ratings.Select(r => r.MovieId).ToHashSet();
        if (_movies.Count != _ratings.Count) throw new ArgumentException("one rating per movie", nameof(ratings));
    }

    public int Count => _ratings.Count;

    /// <summary>Rates <paramref name="movieId"/> (re-rating replaces the old value) and lets the oldest other rating go; returns the person's ratings now.</summary>
    public PersonRating[] RateOneMore(int movieId, double value)
    {
        if (_movies.Contains(movieId))
        {
            // A re-rating: the same movies, a new value (and the rating becomes the newest).
            var kept = _ratings.Where(r => r.MovieId != movieId).ToList();
            _ratings.Clear();
            foreach (var rating in kept) _ratings.Enqueue(rating);
        }
        else if (_ratings.Count > 0) _movies.Remove(_ratings.Dequeue().MovieId);
        else return [];
        _ratings.Enqueue(new PersonRating(movieId, value));
        _movies.Add(movieId);
        return [.. _ratings];
    }
}
