using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Hands out open connections to one database file. Each operation opens its own connection and
/// closes it when done; Microsoft.Data.Sqlite pools the underlying handles, so this is cheap and
/// lets many web requests run at once (readers in parallel, writers one at a time under WAL).
/// </summary>
internal sealed class SqliteConnections
{
    // How long a writer waits for another writer's transaction before giving up with SQLITE_BUSY
    // (SQLite's busy handler), and how long Microsoft.Data.Sqlite retries a busy command.
    private const int BusyTimeoutMilliseconds = 30_000;

    // Settings that live on the connection, not in the file. A pooled connection keeps them, but
    // the pool does not say whether a handle is new, so every open sets them again (microseconds).
    // synchronous=FULL syncs the WAL at every commit: an acknowledged rating survives a power cut.
    private static readonly string PerConnectionPragmas =
        $"PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    public SqliteConnections(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = PerConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the pooled handles so the file is released (and the WAL checkpointed) at shutdown.</summary>
    public void ReleasePool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
