using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>
/// The behaviour every store must have, written once. Each subclass opens a fresh, empty store
/// per test (a temp SQLite file, a new MongoDB database) and removes it afterwards. The parts are
/// split by subject over the StoreContractTests.*.cs files.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private IMovieRecStore? _store;

    protected IMovieRecStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>Opens a new, empty store.</summary>
    protected abstract Task<IMovieRecStore> OpenStoreAsync();

    /// <summary>Opens the same store again (a second instance over the same data), for reopen tests.</summary>
    protected abstract Task<IMovieRecStore> ReopenStoreAsync();

    /// <summary>Removes everything <see cref="OpenStoreAsync"/> created.</summary>
    protected abstract Task DeleteStoreAsync();

    /// <summary>Overwrites one movie's statistics behind the store's back: the damage a reconcile must repair.</summary>
    protected abstract Task OverwriteStatisticsAsync(int movieId, int count, double sum);

    public async Task InitializeAsync() => _store = await OpenStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
        await DeleteStoreAsync();
    }

    protected static Movie Film(int id, string title, int? year = 2000, params string[] genres) => new(id, title, year, genres);

    protected static Rating Stars(int userId, int movieId, float value, long timestamp = 1_000) => new(userId, movieId, value, timestamp);

    protected Task AddMoviesAsync(params Movie[] movies) => Store.Movies.UpsertManyAsync(movies);

    /// <summary>Movies 1..count titled "Movie n", for tests that only need ids to rate.</summary>
    protected Task AddPlainMoviesAsync(int count) =>
        Store.Movies.UpsertManyAsync(Enumerable.Range(1, count).Select(id => Film(id, $"Movie {id}")));

    /// <summary>Dataset users 1..count.</summary>
    protected Task AddUsersAsync(int count) => Store.Users.ImportAsync(Enumerable.Range(1, count).Select(ImportedUser.FromDataset));

    /// <summary>Counts and sums the ratings themselves, per movie, through the training stream.</summary>
    protected async Task<Dictionary<int, (int Count, double Sum)>> RecountAsync()
    {
        var recount = new Dictionary<int, (int Count, double Sum)>();
        await foreach (var rating in Store.Ratings.StreamAllAsync())
        {
            var (count, sum) = recount.GetValueOrDefault(rating.MovieId);
            recount[rating.MovieId] = (count + 1, sum + rating.Value);
        }
        return recount;
    }

    protected async Task AssertStatisticsMatchRecountAsync(IEnumerable<int> movieIds)
    {
        var ids = movieIds.ToArray();
        var recount = await RecountAsync();
        var stored = await Store.Movies.GetStatisticsManyAsync(ids);
        Assert.Equal(ids.Length, stored.Count);
        foreach (var id in ids)
        {
            var expected = recount.GetValueOrDefault(id);
            Assert.Equal((id, expected.Count, expected.Sum), (id, stored[id].RatingCount, stored[id].RatingSum));
        }
    }

    protected async Task<MovieStatistics> StatisticsOfAsync(int movieId) =>
        await Store.Movies.GetStatisticsAsync(movieId) ?? throw new InvalidOperationException($"movie {movieId} is missing");
}
