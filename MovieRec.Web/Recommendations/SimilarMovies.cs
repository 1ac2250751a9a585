using MovieRec.Core.Catalog;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Caching;
using MovieRec.Web.Models;

namespace MovieRec.Web.Recommendations;

public sealed record SimilarMovieList(SimilarityBasis Basis, IReadOnlyList<Movie> Movies);

/// <summary>
/// Movies like a given one, as the served recommender finds them: by the model when it knows the
/// movie, else by genres and tags among popular movies of the same genres read from the store.
/// Lists are kept in <see cref="MovieRecCache"/> for Cache:SimilarSeconds and dropped when the model
/// is swapped (a new model has new neighbours, and may now know a movie that was compared by content).
/// </summary>
public sealed class SimilarMovies(IMovieRecStore store, ModelHolder holder, MovieDetailsCache movieDetails, MovieRecCache cache)
{
    public const int MaxCount = 50;

    /// <summary>How many popular movies of each of the movie's genres are compared by content.</summary>
    private const int ContentCandidatesPerGenre = 200;

    private readonly record struct Key(int MovieId, int N);

    public Task<SimilarMovieList> ForMovieAsync(Movie movie, int n, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(new Key(movie.MovieId, n), TimeSpan.FromSeconds(cache.Options.SimilarSeconds),
            CacheDependency.Model | CacheDependency.Catalogue, () => FindAsync(movie, n, cancellationToken));

    /// <summary>
    /// The list without the movies a person hid. The cached list is shared by everyone, so the
    /// longest one is filtered for a person who hid something; it still has n movies unless they
    /// hid most of a movie's neighbours.
    /// </summary>
    public async Task<SimilarMovieList> ForPersonAsync(Movie movie, int n, Exclusions hidden, CancellationToken cancellationToken = default)
    {
        if (hidden.Count == 0) return await ForMovieAsync(movie, n, cancellationToken);
        var all = await ForMovieAsync(movie, MaxCount, cancellationToken);
        return all with { Movies = all.Movies.Where(m => !hidden.Contains(m.MovieId)).Take(n).ToList() };
    }

    private async Task<SimilarMovieList> FindAsync(Movie movie, int n, CancellationToken cancellationToken)
    {
        if (holder.Current is { } active)
        {
            var similar = active.Served.Similar(movie.MovieId, n);
            if (similar.Count > 0)
            {
                var found = await movieDetails.GetManyAsync(similar.Select(s => s.MovieId), cancellationToken);
                return new SimilarMovieList(SimilarityBasis.Ratings,
                    similar.Where(s => found.ContainsKey(s.MovieId)).Select(s => found[s.MovieId]).ToList());
            }
        }

        // Comparing with the whole catalogue would read every movie per request; the popular
        // movies of the same genres are where good content neighbours are.
        var candidates = new Dictionary<int, Movie>();
        foreach (string genre in movie.Genres)
        {
            var page = await store.Movies.QueryAsync(
                new MovieQuery { Genre = genre, Sort = MovieSort.Popularity, PageSize = ContentCandidatesPerGenre }, cancellationToken);
            foreach (var item in page.Items) candidates[item.Movie.MovieId] = item.Movie;
        }
        var neighbours = ServedRecommender.SimilarByContent(movie, candidates.Values, n);
        return new SimilarMovieList(SimilarityBasis.Content, neighbours.Select(s => candidates[s.MovieId]).ToList());
    }
}
