using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage;

/// <summary>The movie catalogue and the live rating statistics of each movie.</summary>
public interface IMovieStore
{
    Task<Movie?> GetAsync(int movieId, CancellationToken cancellationToken = default);

    /// <summary>The movies among <paramref name="movieIds"/> that exist, keyed by id; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<int, Movie>> GetManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default);

    /// <summary>One page of movies matching a title text, genre and/or tag, in the requested order, with their statistics.</summary>
    Task<MoviePage> QueryAsync(MovieQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> titles for what a person is typing: those containing the text
    /// (as <see cref="MovieQuery.TitleContains"/> matches), most rated first; when none does, near
    /// titles for typing mistakes (<see cref="Catalog.NearTitles"/>). Also the "did you mean" of an
    /// empty search.
    /// </summary>
    Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken = default);

    /// <summary>The statistics of one movie, or null when there is no such movie.</summary>
    Task<MovieStatistics?> GetStatisticsAsync(int movieId, CancellationToken cancellationToken = default);

    /// <summary>The statistics of the movies among <paramref name="movieIds"/> that exist, keyed by id.</summary>
    Task<IReadOnlyDictionary<int, MovieStatistics>> GetStatisticsManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default);

    /// <summary>Every distinct genre, sorted ordinally: the spellings <see cref="MovieQuery.Genre"/> accepts.</summary>
    Task<IReadOnlyList<string>> ListGenresAsync(CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts new movies and replaces the title, year, genres, tags and links of existing ones
    /// (import). Statistics are never touched: they belong to the ratings. Every movie is
    /// validated before anything is written. Returns how many movies were written.
    /// </summary>
    Task<int> UpsertManyAsync(IEnumerable<Movie> movies, CancellationToken cancellationToken = default);
}
