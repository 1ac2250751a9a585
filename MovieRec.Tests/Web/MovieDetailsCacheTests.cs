using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Catalog;
using MovieRec.Core.Storage.Sqlite;
using Microsoft.Extensions.Options;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;
using MovieRec.Web.Models;
using MovieRec.Web.Recommendations;

namespace MovieRec.Tests.Web;

public class MovieDetailsCacheTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-details-").FullName;
    private SqliteMovieRecStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder, "db.sqlite"), NullLoggerFactory.Instance);
        await _store.Movies.UpsertManyAsync([new Movie(1, "Old Title (2001)", 2001, ["Drama"]), new Movie(2, "Two (2002)", 2002, ["Comedy"])]);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Movies_are_served_from_memory_until_five_minutes_old_and_unknown_ids_are_left_out()
    {
        var clock = new ManualClock();
        using var shared = WebParts.Cache(clock: clock);
        var cache = new MovieDetailsCache(_store, shared);
        var first = await cache.GetManyAsync([1, 2, 999]);
        Assert.Equal([1, 2], first.Keys.Order());

        await _store.Movies.UpsertManyAsync([new Movie(1, "New Title (2001)", 2001, ["Drama"])]);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("Old Title (2001)", (await cache.GetManyAsync([1]))[1].Title);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("New Title (2001)", (await cache.GetManyAsync([1]))[1].Title);
    }
}
