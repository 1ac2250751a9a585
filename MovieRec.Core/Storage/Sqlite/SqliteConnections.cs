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

    // Settings that live on the connection, not in the file. A pooled connection keeps them, so
    // they are set once per underlying handle, remembered by the handle object itself (weakly, so a
    // handle the pool closes is forgotten): running them on every open cost a twentieth of a picks
    // request, which now makes one small read. synchronous=FULL syncs the WAL at every commit: an
    // acknowledged rating survives a power cut.
    private static readonly string PerConnectionPragmas =
        $"PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object ConfiguredMark = new();

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

    // One writer at a time inside this process, queued here in order. Without it, concurrent
    // writers meet at SQLite's write lock, and its busy handler makes the losers sleep and retry
    // with growing back-offs: under load some ratings then waited over a second (bench/soak.sh).
    // Other processes (a command run beside the app) still queue on the lock itself.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Waits for this process's turn to write; dispose the result to hand the turn on.</summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(_writeGate);
    }

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && Configured.TryGetValue(handle, out _)) return connection;
            await using var command = connection.CreateCommand();
            command.CommandText = PerConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (connection.Handle is { } configured) Configured.AddOrUpdate(configured, ConfiguredMark);
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
