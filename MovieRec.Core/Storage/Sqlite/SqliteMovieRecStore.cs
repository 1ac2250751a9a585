using Microsoft.Extensions.Logging;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with synchronous=FULL, foreign keys on and a
/// schema migrated at open (see <see cref="SqliteSchema"/>).
/// </summary>
public sealed class SqliteMovieRecStore : IMovieRecStore
{
    private readonly SqliteConnections _connections;
    private readonly ILogger _logger;
    private readonly SqlitePersonVersions _personVersions;

    private SqliteMovieRecStore(SqliteConnections connections, ILoggerFactory loggerFactory, TimeProvider clock)
    {
        _connections = connections;
        _logger = loggerFactory.CreateLogger<SqliteMovieRecStore>();
        Movies = new SqliteMovieStore(connections, loggerFactory.CreateLogger<SqliteMovieStore>());
        Users = new SqliteUserStore(connections, loggerFactory.CreateLogger<SqliteUserStore>(), clock);
        Ratings = new SqliteRatingStore(connections, loggerFactory.CreateLogger<SqliteRatingStore>());
        PersonLists = new SqlitePersonListStore(connections, clock);
        PersonSettings = new SqlitePersonSettingsStore(connections);
        _personVersions = new SqlitePersonVersions(connections);
        Imports = new SqliteImportLog(connections, clock);
        Locks = new SqliteStoreLocks(connections);
        Retrains = new SqliteRetrainLog(connections);
        ActiveModel = new SqliteActiveModelStore(connections, clock);
        Experiments = new SqliteExperimentStore(connections, clock);
    }

    public string Provider => StorageOptions.SqliteProvider;

    /// <summary>The database file.</summary>
    public string Path => _connections.Path;

    /// <summary>Opens connections configured as the store's own are, for tests that inspect the file.</summary>
    internal SqliteConnections Connections => _connections;

    public IMovieStore Movies { get; }
    public IUserStore Users { get; }
    public IRatingStore Ratings { get; }
    public IPersonListStore PersonLists { get; }
    public IPersonSettingsStore PersonSettings { get; }
    public IPersonVersions PersonVersions => _personVersions;
    public IImportLog Imports { get; }
    public IStoreLocks Locks { get; }
    public IRetrainLog Retrains { get; }
    public IActiveModelStore ActiveModel { get; }
    public IExperimentStore Experiments { get; }

    /// <summary>None: with SQLite the history is a folder (Model:HistoryPath).</summary>
    public ModelHistory.IModelRepository? SharedModels => null;

    /// <summary>Opens (creating when missing) the database file and brings its schema up to date.</summary>
    public static async Task<SqliteMovieRecStore> OpenAsync(string path, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default, TimeProvider? clock = null)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(fullPath) is { } folder)
            Directory.CreateDirectory(folder);
        var connections = new SqliteConnections(fullPath);
        var logger = loggerFactory.CreateLogger<SqliteMovieRecStore>();
        await using (var connection = await connections.OpenAsync(cancellationToken))
            await SqliteSchema.MigrateAsync(connection, fullPath, logger, cancellationToken);
        logger.LogInformation("Opened SQLite store {Path} (schema version {Version})", fullPath, SqliteSchema.CurrentVersion);
        return new SqliteMovieRecStore(connections, loggerFactory, clock ?? TimeProvider.System);
    }

    public async Task<int> ReconcileStatisticsAsync(CancellationToken cancellationToken = default)
    {
        using var writing = await _connections.EnterWriteAsync(cancellationToken);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // Under the write lock no rating can change between the recount and the update.
        using var transaction = connection.BeginWrite();
        await using var command = connection.Command("""
            UPDATE movies SET rating_count = recount.rating_count, rating_sum = recount.rating_sum
            FROM (SELECT m.movie_id, COUNT(r.movie_id) AS rating_count, TOTAL(r.value) AS rating_sum
                  FROM movies m LEFT JOIN ratings r ON r.movie_id = m.movie_id
                  GROUP BY m.movie_id) AS recount
            WHERE movies.movie_id = recount.movie_id
              AND (movies.rating_count <> recount.rating_count OR movies.rating_sum <> recount.rating_sum)
            """, transaction);
        var corrected = await command.ExecuteNonQueryAsync(cancellationToken);
        // The recount may have moved the live mean, and the corrected movies' keys: rewrite them all.
        await SqliteRatingKeys.RefreshAsync(connection, transaction, cancellationToken);
        transaction.Commit();
        _logger.LogInformation("Reconciled movie statistics: {Corrected} movies corrected", corrected);
        return corrected;
    }

    public async ValueTask DisposeAsync()
    {
        await _personVersions.DisposeAsync();
        _connections.ReleasePool();
    }
}
