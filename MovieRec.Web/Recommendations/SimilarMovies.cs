using MovieRec.Core.Catalog;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Models;

namespace MovieRec.Web.Recommendations;

public sealed record SimilarMovieList(SimilarityBasis Basis, IReadOnlyList<Movie> Movies);

/// <summary>
/// Movies like a given one, as the served recommender finds them: by the model when it knows the
/// movie, else by genres and tags among popular movies of the same genres read from the store.
/// </summary>
public sealed class SimilarMovies(IMovieRecStore store, ModelHolder holder, MovieDetailsCache movieDetails)
{
    public const int MaxCount = 50;

    /// <summary>How many popular movies of each of the movie's genres are compared by content.</summary>
    private const int ContentCandidatesPerGenre = 200;

    public async Task<SimilarMovieList> ForMovieAsync(Movie movie, int n, CancellationToken cancellationToken = default)
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
