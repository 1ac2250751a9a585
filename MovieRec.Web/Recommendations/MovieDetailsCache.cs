using System.Collections.Concurrent;
using MovieRec.Core.Catalog;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Recommendations;

/// <summary>
/// Movie records (title, genres, tags, links) for the lists the app shows, kept in memory for
/// <see cref="FreshFor"/>. Reading ten movies with their genres and tags was half the cost of a
/// picks request (bench/load.sh), and the web app never changes a movie: only an import does,
/// and that shows here within the freshness period. Ratings and statistics are never cached.
/// One instance for the app.
/// </summary>
public sealed class MovieDetailsCache(IMovieRecStore store, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<int, (Movie Movie, DateTimeOffset ReadAt)> _movies = new();

    /// <summary>The movies of <paramref name="movieIds"/> that exist, by id; the missing or stale ones read in one store call.</summary>
    public async Task<IReadOnlyDictionary<int, Movie>> GetManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var found = new Dictionary<int, Movie>();
        var toRead = new List<int>();
        foreach (int id in movieIds.Distinct())
        {
            if (_movies.TryGetValue(id, out var entry) && now - entry.ReadAt < FreshFor) found[id] = entry.Movie;
            else toRead.Add(id);
        }
        if (toRead.Count == 0) return found;
        foreach (var (id, movie) in await store.Movies.GetManyAsync(toRead, cancellationToken))
        {
            _movies[id] = (movie, now);
            found[id] = movie;
        }
        return found;
    }
}
