using MovieRec.Core.Ratings;

namespace MovieRec.Core.Storage;

/// <summary>
/// Ratings, one per (user, movie). Every write updates the rated movie's statistics with it.
/// A rating whose user or movie does not exist, or whose value is not one of 0.5, 1.0, ... 5.0,
/// is refused with <see cref="StoreValidationException"/> and nothing is written.
/// </summary>
public interface IRatingStore
{
    /// <summary>Stores the rating, replacing any earlier one of the same user and movie; returns the earlier value, or null.</summary>
    Task<float?> UpsertAsync(Rating rating, CancellationToken cancellationToken = default);

    /// <summary>Removes the rating; returns its value, or null when there was none.</summary>
    Task<float?> DeleteAsync(int userId, int movieId, CancellationToken cancellationToken = default);

    Task<Rating?> GetAsync(int userId, int movieId, CancellationToken cancellationToken = default);

    /// <summary>The user's ratings, newest first.</summary>
    Task<IReadOnlyList<Rating>> ListByUserAsync(int userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the user's ratings in the query's order, filtered by the rated movie's genre
    /// and by value; only that page is read. Ratings of movies no longer in the store are left out.
    /// A bad query (page below 1, page size out of range) is refused with <see cref="StoreValidationException"/>.
    /// </summary>
    Task<RatingPage> QueryByUserAsync(RatingQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every rating, ordered by user then movie, read lazily: the store is never held in memory
    /// whole, so training can stream tens of millions of ratings.
    /// </summary>
    IAsyncEnumerable<Rating> StreamAllAsync(CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds ratings in bulk (import). A (user, movie) pair already stored keeps its stored value,
    /// so importing the same dataset twice stores nothing twice. Work is committed in batches of
    /// <see cref="ImportBatch.Size"/>: a bad rating aborts its batch (nothing of that batch is
    /// written) and the call, while earlier batches stay; re-running after a fix is safe.
    /// </summary>
    Task<ImportCounts> ImportAsync(IEnumerable<Rating> ratings, CancellationToken cancellationToken = default);
}
