using MovieRec.Core.Catalog;
using MovieRec.Core.Storage;
using MovieRec.Web.Caching;

namespace MovieRec.Web.Recommendations;

/// <summary>
/// Movie records (title, genres, tags, links) for the lists the app shows, kept in
/// <see cref="MovieRecCache"/> for Cache:MovieSeconds (default 5 minutes). Reading ten movies with
/// their genres and tags was half the cost of a picks request (bench/load.sh); the web app never
/// changes a movie, an import in this process drops them, and an import by a command shows here
/// within the freshness period.
/// </summary>
public sealed class MovieDetailsCache(IMovieRecStore store, MovieRecCache cache)
{
    private readonly record struct Key(int MovieId);

    /// <summary>The movies of <paramref name="movieIds"/> that exist, by id; the missing or stale ones read in one store call.</summary>
    public async Task<IReadOnlyDictionary<int, Movie>> GetManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, Movie>();
        var toRead = new List<int>();
        foreach (int id in movieIds.Distinct())
        {
            if (cache.TryGet(new Key(id), out Movie movie)) found[id] = movie;
            else toRead.Add(id);
        }
        if (toRead.Count == 0) return found;
        var freshFor = TimeSpan.FromSeconds(cache.Options.MovieSeconds);
        foreach (var (id, movie) in await store.Movies.GetManyAsync(toRead, cancellationToken))
        {
            cache.Set(new Key(id), movie, freshFor, CacheDependency.Catalogue);
            found[id] = movie;
        }
        return found;
    }
}
