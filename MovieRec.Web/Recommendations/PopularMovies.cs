using MovieRec.Core.Catalog;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Recommendations;

/// <summary>A movie with its live rating count and damped mean rating.</summary>
public sealed record PopularMovie(Movie Movie, int RatingCount, double DampedMean);

/// <summary>
/// The cold-start view, read from the store's live statistics rather than the model, so it works
/// before the first model exists and counts ratings made since training.
/// </summary>
public sealed class PopularMovies(IMovieRecStore store)
{
    /// <summary>Genres that most people have opinions on, asked about first; any others follow.</summary>
    private static readonly string[] StarterGenres =
        ["Action", "Comedy", "Drama", "Animation", "Sci-Fi", "Romance", "Thriller", "Horror", "Crime", "Adventure", "Fantasy", "Documentary"];

    /// <summary>The n most rated movies, most first.</summary>
    public async Task<IReadOnlyList<PopularMovie>> MostRatedAsync(int n, CancellationToken cancellationToken = default)
    {
        var page = await store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Popularity, PageSize = n }, cancellationToken);
        return Listings(page).Where(movie => movie.RatingCount > 0).ToList();
    }

    /// <summary>
    /// Well-known movies to rate first: the most rated of several genres, taken in turn, so that a
    /// few ratings already say which kinds of film a person likes.
    /// </summary>
    public async Task<IReadOnlyList<PopularMovie>> StartersAsync(int n, IReadOnlySet<int> exclude, CancellationToken cancellationToken = default)
    {
        var known = await store.Movies.ListGenresAsync(cancellationToken);
        var genres = StarterGenres.Where(known.Contains).ToList();
        if (genres.Count == 0) genres = known.Take(StarterGenres.Length).ToList();
        if (genres.Count == 0) return [];

        int perGenre = Math.Min(MovieQuery.MaxPageSize, n / genres.Count + 1 + exclude.Count);
        var lists = new List<IReadOnlyList<PopularMovie>>();
        foreach (string genre in genres)
        {
            var page = await store.Movies.QueryAsync(new MovieQuery { Genre = genre, Sort = MovieSort.Popularity, PageSize = perGenre }, cancellationToken);
            lists.Add(Listings(page).Where(movie => movie.RatingCount > 0 && !exclude.Contains(movie.Movie.MovieId)).ToList());
        }
        return Interleave(lists, n);
    }

    private static IReadOnlyList<PopularMovie> Interleave(List<IReadOnlyList<PopularMovie>> lists, int n)
    {
        var chosen = new List<PopularMovie>();
        var seen = new HashSet<int>();
        int longest = lists.Max(list => list.Count);
        for (int position = 0; position < longest && chosen.Count < n; position++)
            foreach (var list in lists)
                if (position < list.Count && seen.Add(list[position].Movie.MovieId) && chosen.Count < n)
                    chosen.Add(list[position]);
        return chosen;
    }

    private static IEnumerable<PopularMovie> Listings(MoviePage page) =>
        page.Items.Select(item => new PopularMovie(item.Movie, item.Statistics.RatingCount, item.Statistics.DampedMean(page.GlobalMean)));
}
