using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using Microsoft.Extensions.Options;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;
using MovieRec.Web.Models;
using MovieRec.Web.Recommendations;

namespace MovieRec.Tests.Web;

public class PopularMoviesCacheTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-popular-").FullName;
    private SqliteMovieRecStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder, "db.sqlite"), NullLoggerFactory.Instance);
        await _store.Movies.UpsertManyAsync([new Movie(1, "One (2001)", 2001, ["Drama"]), new Movie(2, "Two (2002)", 2002, ["Drama"])]);
        await _store.Users.ImportAsync(Enumerable.Range(1, 5).Select(ImportedUser.FromDataset));
        await _store.Ratings.UpsertAsync(new Rating(1, 1, 4, 1));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Lists_are_kept_for_half_a_minute_and_then_read_again()
    {
        var clock = new ManualClock();
        using var cache = WebParts.Cache(clock: clock);
        var popular = new PopularMovies(_store, cache);
        Assert.Equal([1], (await popular.MostRatedAsync(10)).Select(p => p.Movie.MovieId));

        // Movie 2 overtakes movie 1, but the cached list stands until it is 30 s old.
        for (int user = 2; user <= 4; user++) await _store.Ratings.UpsertAsync(new Rating(user, 2, 5, 2));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal([1], (await popular.MostRatedAsync(10)).Select(p => p.Movie.MovieId));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([2, 1], (await popular.MostRatedAsync(10)).Select(p => p.Movie.MovieId));
        Assert.Equal([2], (await popular.StartersAsync(10, new HashSet<int> { 1 })).Select(p => p.Movie.MovieId));
    }
}
