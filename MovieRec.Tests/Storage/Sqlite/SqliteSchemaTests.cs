using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Storage.Sqlite;

/// <summary>The SQLite file's settings, schema version and the indexes its queries rely on.</summary>
public sealed class SqliteSchemaTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SqliteMovieRecStore _store = null!;

    private string DatabasePath => Path.Combine(_folder.Path, "data", "movierec.db");

    public async Task InitializeAsync() => _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await _store.Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<string> QueryPlanAsync(string sql)
    {
        await using var connection = await _store.Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(3));
        return string.Join(" | ", lines);
    }

    [Fact]
    public async Task NewFile_IsCreatedWithItsFolder_InWalMode_AtTheCurrentSchemaVersion()
    {
        Assert.True(File.Exists(DatabasePath));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal("ok", await ScalarAsync("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task EveryConnection_SyncsFully_ChecksForeignKeys_AndWaitsForTheWriteLock()
    {
        Assert.Equal(2L, await ScalarAsync("PRAGMA synchronous")); // 2 = FULL
        Assert.Equal(1L, await ScalarAsync("PRAGMA foreign_keys"));
        Assert.Equal(30_000L, await ScalarAsync("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task PooledConnections_KeepTheirSettings_WhenOpenedAgainWithoutSettingThemAgain()
    {
        // Three at once are three handles; opened again, the pool hands the same handles back, which
        // skip the settings (set once per handle) and must still have them.
        for (int round = 0; round < 2; round++)
        {
            var open = new List<SqliteConnection>();
            for (int n = 0; n < 3; n++) open.Add(await _store.Connections.OpenAsync(CancellationToken.None));
            foreach (var connection in open)
            {
                async Task<object?> PragmaAsync(string name)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA " + name;
                    return await command.ExecuteScalarAsync();
                }
                Assert.Equal(2L, await PragmaAsync("synchronous"));
                Assert.Equal(1L, await PragmaAsync("foreign_keys"));
                Assert.Equal(30_000L, await PragmaAsync("busy_timeout"));
            }
            foreach (var connection in open) await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reopening_KeepsTheVersionAndTheData()
    {
        await _store.Movies.UpsertManyAsync([new MovieRec.Core.Catalog.Movie(1, "Kept", 2000, [])]);
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal("Kept", (await _store.Movies.GetAsync(1))?.Title);
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
    }

    /// <summary>Takes a file back from version 6 to version 5: no active model record, no experiment picks.</summary>
    private const string DropVersion6 = "DROP TABLE active_model; DROP TABLE experiment_picks; ";

    [Fact]
    public async Task AVersion5File_IsMigrated_WithNoActiveModelAndNoExperimentPicks()
    {
        var user = await _store.Users.CreateAsync("before-history", "h");
        await ScalarAsync(UndoVersion10 + UndoVersion9 + UndoVersion8 + UndoVersion7 + DropVersion6 + "PRAGMA user_version = 5;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Null(await _store.ActiveModel.GetAsync());
        Assert.Empty(await _store.Experiments.CountAsync("20261201-000000-00000000"));
        await _store.ActiveModel.SetAsync("20261201-000000-00000000");
        Assert.Equal("20261201-000000-00000000", (await _store.ActiveModel.GetAsync())?.Version);
        Assert.NotNull(await _store.Users.GetByIdAsync(user.UserId));
    }

    [Fact]
    public async Task AVersion1File_IsMigrated_GivingEveryAccountASecurityStamp()
    {
        var user = await _store.Users.CreateAsync("before-stamps", "h");
        // Back to the version-1 layout: no stamp column, no import marker table, no rating key, no person lists.
        await ScalarAsync(UndoVersion10 + UndoVersion9 + UndoVersion8 + UndoVersion7 + DropVersion6 + "DROP TABLE person_settings; DROP TABLE person_lists; DROP INDEX movies_by_rating; ALTER TABLE movies DROP COLUMN rating_key; DROP TABLE rating_reference; ALTER TABLE users DROP COLUMN security_stamp; DROP TABLE import_state; PRAGMA user_version = 1;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Matches("^[0-9a-f]{32}$", (await _store.Users.GetByIdAsync(user.UserId))!.SecurityStamp);
        Assert.Null(await _store.Imports.LastAsync());
    }

    [Fact]
    public async Task AVersion2File_IsMigrated_KeepingRatingsAndStartingEmptyPersonLists()
    {
        await _store.Movies.UpsertManyAsync([new MovieRec.Core.Catalog.Movie(1, "Kept", 2000, [])]);
        var user = await _store.Users.CreateAsync("before-lists", "h");
        await _store.Ratings.UpsertAsync(new MovieRec.Core.Ratings.Rating(user.UserId, 1, 4.5f, 1_000));
        // Back to the version-2 layout: no person lists, no rating key, no reference mean.
        await ScalarAsync(UndoVersion10 + UndoVersion9 + UndoVersion8 + UndoVersion7 + DropVersion6 + "DROP TABLE person_settings; DROP TABLE person_lists; DROP INDEX movies_by_rating; ALTER TABLE movies DROP COLUMN rating_key; DROP TABLE rating_reference; PRAGMA user_version = 2;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(4.5f, (await _store.Ratings.GetAsync(user.UserId, 1))?.Value);
        Assert.Empty(await _store.PersonLists.ListAsync(user.UserId, PersonList.Hidden));
        Assert.True(await _store.PersonLists.AddAsync(user.UserId, PersonList.Hidden, 1));
    }

    [Fact]
    public async Task AVersion4File_IsMigrated_KeepingListsAndGivingEveryoneTheDefaultSettings()
    {
        await _store.Movies.UpsertManyAsync([new MovieRec.Core.Catalog.Movie(1, "Kept", 2000, [])]);
        var user = await _store.Users.CreateAsync("before-settings", "h");
        await _store.PersonLists.AddAsync(user.UserId, PersonList.WatchList, 1);
        // Back to the version-4 layout: no person settings.
        await ScalarAsync(UndoVersion10 + UndoVersion9 + UndoVersion8 + UndoVersion7 + DropVersion6 + "DROP TABLE person_settings; PRAGMA user_version = 4;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal([1], await _store.PersonLists.ListAsync(user.UserId, PersonList.WatchList));
        Assert.Equal(PersonSettings.Default, await _store.PersonSettings.GetAsync(user.UserId));
        await _store.PersonSettings.SaveAsync(user.UserId, PersonSettings.Default with { FamiliarNewStep = 5 });
        Assert.Equal(5, (await _store.PersonSettings.GetAsync(user.UserId)).FamiliarNewStep);
    }

    [Fact]
    public async Task AVersion2FileWithRatings_IsMigrated_AndItsFirstPageKeysEveryMovie()
    {
        await _store.Movies.UpsertManyAsync([new(1, "Liked", 2000, []), new(2, "Disliked", 2000, []), new(3, "Unrated", 2000, [])]);
        await _store.Users.ImportAsync([ImportedUser.FromDataset(1)]);
        await _store.Ratings.ImportAsync([new(1, 1, 5.0f, 1), new(1, 2, 1.0f, 1)]);
        // Back to the version-2 layout: no rating key, no reference mean, no person lists.
        await ScalarAsync(UndoVersion10 + UndoVersion9 + UndoVersion8 + UndoVersion7 + DropVersion6 + "DROP TABLE person_settings; DROP TABLE person_lists; DROP INDEX movies_by_rating; ALTER TABLE movies DROP COLUMN rating_key; DROP TABLE rating_reference; PRAGMA user_version = 2;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);
        Assert.Equal(3L, await ScalarAsync("SELECT COUNT(*) FROM movies WHERE rating_key IS NULL"));
        var page = await _store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Rating });

        Assert.Equal(3.0, page.GlobalMean);
        Assert.Equal([1, 3, 2], page.Items.Select(i => i.Movie.MovieId));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM movies WHERE rating_key IS NULL"));
    }

    // Back from version 7 to version 6: no search index, no tag keys.
    private const string UndoVersion7 =
        "DROP TABLE movie_search_vocab; DROP TABLE movie_search; ALTER TABLE movies DROP COLUMN search_key; DROP INDEX movie_tags_by_key; ALTER TABLE movie_tags DROP COLUMN tag_key; ";

    [Fact]
    public async Task AVersion6File_IsMigrated_FillingTheSearchKeysOfEveryMovieAndTag()
    {
        await _store.Movies.UpsertManyAsync([
            new(1, "Matrix, The (1999)", 1999, []) { Tags = ["Dark Comedy"] },
            new(2, "Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)", 2001, [])]);
        await ScalarAsync(UndoVersion10 + UndoVersion9 + UndoVersion8 + UndoVersion7 + "PRAGMA user_version = 6;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(" the matrix ", await ScalarAsync("SELECT search_key FROM movie_search WHERE rowid = 1"));
        Assert.Equal(" the matrix ", await ScalarAsync("SELECT search_key FROM movies WHERE movie_id = 1"));
        Assert.Equal([1], (await _store.Movies.QueryAsync(new MovieQuery { TitleContains = "the matrix" })).Items.Select(i => i.Movie.MovieId));
        Assert.Equal([2], (await _store.Movies.QueryAsync(new MovieQuery { TitleContains = "le fabuleux destin d'amelie" })).Items.Select(i => i.Movie.MovieId));
        Assert.Equal([1], (await _store.Movies.QueryAsync(new MovieQuery { Tag = "dark comedy" })).Items.Select(i => i.Movie.MovieId));
    }

    [Fact]
    public async Task TitleSearch_IsAnsweredFromTheTrigramIndex_AndTagsFromTheirKeyIndex()
    {
        var (contains, _) = SqliteTitleSearch.Contains(["the matrix"]);
        var plan = await QueryPlanAsync($"SELECT m.movie_id FROM movies m WHERE {contains.Replace("$title_match", "'\"matrix\"'")}");
        Assert.Contains("VIRTUAL TABLE INDEX", plan);
        Assert.DoesNotContain("SCAN movies", plan.Replace("SCAN movies VIRTUAL", ""));

        var tagPlan = await QueryPlanAsync("SELECT m.movie_id FROM movies m WHERE m.movie_id IN (SELECT t.movie_id FROM movie_tags t WHERE t.tag_key = 'x')");
        Assert.Contains("movie_tags_by_key", tagPlan);
    }

    // Back from version 8 to version 7: no leases, rating-write count or retrain runs.
    private const string UndoVersion8 = "DROP TABLE retrain_runs; DROP TABLE rating_writes; DROP TABLE store_locks; ";

    [Fact]
    public async Task AVersion7File_IsMigrated_KeepingRatingsAndCountingWritesFromZero()
    {
        await _store.Movies.UpsertManyAsync([new MovieRec.Core.Catalog.Movie(1, "Kept", 2000, [])]);
        var user = await _store.Users.CreateAsync("before-retraining", "h");
        await _store.Ratings.UpsertAsync(new MovieRec.Core.Ratings.Rating(user.UserId, 1, 3.5f, 1_000));
        await ScalarAsync(UndoVersion10 + UndoVersion9 + UndoVersion8 + "PRAGMA user_version = 7;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(3.5f, (await _store.Ratings.GetAsync(user.UserId, 1))?.Value);
        Assert.Equal(0, await _store.Retrains.RatingWritesAsync());
        await _store.Ratings.UpsertAsync(new MovieRec.Core.Ratings.Rating(user.UserId, 1, 4f, 2_000));
        Assert.Equal(1, await _store.Retrains.RatingWritesAsync());
        Assert.Empty(await _store.Retrains.RecentAsync(1));
        Assert.Null(await _store.Locks.ReadAsync("retrain"));
    }

    // Back from version 10 to version 9: no person versions.
    private const string UndoVersion10 = "DROP TABLE person_versions; ";

    // Back from version 9 to version 8: no note of which held-out RMSE a retrain run kept.
    private const string UndoVersion9 = "ALTER TABLE retrain_runs DROP COLUMN held_out_as_served; ";

    [Fact]
    public async Task AVersion9File_IsMigrated_KeepingRatingsWithEveryoneAtVersionZero_ThenRaisedByWrites()
    {
        await _store.Movies.UpsertManyAsync([new MovieRec.Core.Catalog.Movie(1, "Kept", 2000, [])]);
        var user = await _store.Users.CreateAsync("before-versions", "h");
        await _store.Ratings.UpsertAsync(new MovieRec.Core.Ratings.Rating(user.UserId, 1, 3.5f, 1_000));
        await ScalarAsync(UndoVersion10 + "PRAGMA user_version = 9;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(3.5f, (await _store.Ratings.GetAsync(user.UserId, 1))?.Value);
        Assert.Equal(0, await _store.PersonVersions.GetAsync(user.UserId));
        await _store.Ratings.UpsertAsync(new MovieRec.Core.Ratings.Rating(user.UserId, 1, 4f, 2_000));
        Assert.Equal(1, await _store.PersonVersions.GetAsync(user.UserId));
    }

    [Fact]
    public async Task AVersion8File_IsMigrated_ItsRunsReadingAsTheFactorModelsFigure()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        await _store.Retrains.RecordAsync(new RetrainRun(at, at.AddSeconds(3), "schedule", "host-a", RetrainOutcome.Published, "ok",
            1_000, 0.87, 0.9, null, 0.25, 0) { HeldOutAsServed = true });
        await ScalarAsync(UndoVersion10 + UndoVersion9 + "PRAGMA user_version = 8;");
        await _store.DisposeAsync();

        _store = await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        var run = Assert.Single(await _store.Retrains.RecentAsync(5));
        Assert.Equal(0.87, run.HeldOutRmse);
        Assert.False(run.HeldOutAsServed);
    }

    [Fact]
    public async Task FileFromANewerVersion_IsRefusedWithAnExplanation()
    {
        await _store.DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance));

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains("newer MovieRec", error.Message);
        _store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder.Path, "other.db"), NullLoggerFactory.Instance);
    }

    [Theory]
    [InlineData("SELECT value FROM ratings WHERE movie_id = 1", "ratings_by_movie")]
    [InlineData("SELECT value FROM ratings WHERE user_id = 1 AND movie_id = 2", "PRIMARY KEY")]
    [InlineData("SELECT user_id FROM users WHERE username_key = 'x'", "sqlite_autoindex_users_1")]
    [InlineData("SELECT m.movie_id FROM movies m WHERE m.movie_id IN (SELECT g.movie_id FROM movie_genres g WHERE g.genre = 'Drama')", "movie_genres_by_genre")]
    public async Task Lookups_UseAnIndex(string sql, string index)
    {
        var plan = await QueryPlanAsync(sql);

        Assert.Contains(index, plan);
        Assert.DoesNotContain("SCAN ratings", plan);
    }

    [Theory]
    [InlineData(MovieSort.Popularity, "movies_by_popularity")]
    [InlineData(MovieSort.Year, "movies_by_year")]
    [InlineData(MovieSort.Title, "movies_by_title")]
    [InlineData(MovieSort.Rating, "movies_by_rating")]
    public async Task ListOrders_AreReadFromAnIndexWithoutSorting(MovieSort sort, string index)
    {
        var orderBy = SqliteMovieOrder.OrderBy(new MovieQuery { Sort = sort });

        var plan = await QueryPlanAsync($"SELECT m.movie_id FROM movies m ORDER BY {orderBy} LIMIT 24");

        Assert.Contains(index, plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }
}
