using MovieRec.Core.Catalog;
using MovieRec.Core.Storage;
using MovieRec.Web.Caching;

namespace MovieRec.Web.Recommendations;

/// <summary>A movie with its live rating count and damped mean rating.</summary>
public sealed record PopularMovie(Movie Movie, int RatingCount, double DampedMean);

/// <summary>
/// The cold-start view, read from the store's live statistics rather than the model, so it works
/// before the first model exists and counts ratings made since training.
/// The lists are kept in <see cref="MovieRecCache"/> for Cache:PopularSeconds (default 30 s): every
/// anonymous visit to the home page asks for them, each asks the store for a dozen sorted queries
/// with a global mean, and popularity does not change noticeably in half a minute.
/// </summary>
public sealed class PopularMovies(IMovieRecStore store, MovieRecCache cache)
{
    /// <summary>How many movies of each list are kept; larger requests go to the store.</summary>
    private const int CachedDepth = 100;

    private sealed record Lists(IReadOnlyList<PopularMovie> MostRated, IReadOnlyList<GenreList> ByGenre);

    private sealed record GenreList(string Genre, IReadOnlyList<PopularMovie> Movies);

    private sealed record Key
    {
        public static readonly Key Instance = new();
    }

    /// <summary>Genres that most people have opinions on, asked about first; any others follow.</summary>
    private static readonly string[] StarterGenres =
        ["Action", "Comedy", "Drama", "Animation", "Sci-Fi", "Romance", "Thriller", "Horror", "Crime", "Adventure", "Fantasy", "Documentary"];

    /// <summary>The n most rated movies, most first.</summary>
    public async Task<IReadOnlyList<PopularMovie>> MostRatedAsync(int n, CancellationToken cancellationToken = default)
    {
        if (n <= CachedDepth) return (await ListsAsync(cancellationToken)).MostRated.Take(n).ToList();
        return await ReadMostRatedAsync(n, cancellationToken);
    }

    private async Task<IReadOnlyList<PopularMovie>> ReadMostRatedAsync(int n, CancellationToken cancellationToken)
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
        var byGenre = (await ListsAsync(cancellationToken)).ByGenre;
        if (byGenre.Count == 0) return [];
        return Interleave(Without(byGenre.Select(list => list.Movies), exclude), n);
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of well-known movies of <paramref name="genres"/> (of the
    /// starter genres when none are given), the most rated of each genre taken in turn, without
    /// <paramref name="exclude"/>; past the last full page it starts again from the first. The
    /// first-steps flow's "show me others" pages through these.
    /// </summary>
    public async Task<(IReadOnlyList<PopularMovie> Movies, int Page)> OfGenresAsync(
        IReadOnlyList<string> genres, IReadOnlySet<int> exclude, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var cached = (await ListsAsync(cancellationToken)).ByGenre;
        var lists = new List<IReadOnlyList<PopularMovie>>();
        if (genres.Count == 0) lists.AddRange(cached.Select(list => list.Movies));
        foreach (string genre in genres)
            lists.Add(cached.FirstOrDefault(list => list.Genre == genre)?.Movies ?? await ReadGenreAsync(genre, cancellationToken));
        if (lists.Count == 0) return ([], 1);
        var all = Interleave(Without(lists, exclude), int.MaxValue);
        int pages = Math.Max(1, all.Count / pageSize);
        int shown = (Math.Max(1, page) - 1) % pages + 1;
        return (all.Skip((shown - 1) * pageSize).Take(pageSize).ToList(), shown);
    }

    private static List<IReadOnlyList<PopularMovie>> Without(IEnumerable<IReadOnlyList<PopularMovie>> lists, IReadOnlySet<int> exclude) =>
        lists.Select(list => (IReadOnlyList<PopularMovie>)list.Where(movie => !exclude.Contains(movie.Movie.MovieId)).ToList()).ToList();

    /// <summary>The cached lists, read again from the store once they are older than Cache:PopularSeconds.</summary>
    private Task<Lists> ListsAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(Key.Instance, TimeSpan.FromSeconds(cache.Options.PopularSeconds), CacheDependency.Catalogue,
            async () => new Lists(await ReadMostRatedAsync(CachedDepth, cancellationToken), await ReadGenreListsAsync(cancellationToken)));

    private async Task<IReadOnlyList<GenreList>> ReadGenreListsAsync(CancellationToken cancellationToken)
    {
        var known = await store.Movies.ListGenresAsync(cancellationToken);
        var genres = StarterGenres.Where(known.Contains).ToList();
        if (genres.Count == 0) genres = known.Take(StarterGenres.Length).ToList();
        var lists = new List<GenreList>();
        foreach (string genre in genres)
            lists.Add(new GenreList(genre, await ReadGenreAsync(genre, cancellationToken)));
        return lists;
    }

    private async Task<IReadOnlyList<PopularMovie>> ReadGenreAsync(string genre, CancellationToken cancellationToken)
    {
        var page = await store.Movies.QueryAsync(new MovieQuery { Genre = genre, Sort = MovieSort.Popularity, PageSize = CachedDepth }, cancellationToken);
        return Listings(page).Where(movie => movie.RatingCount > 0).ToList();
    }

    private static List<PopularMovie> Interleave(List<IReadOnlyList<PopularMovie>> lists, int n)
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
