using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Each person's version in the person_versions table (schema version 10). Every write of a
/// person's ratings, lists or settings runs <see cref="Bump"/> inside its own transaction, so a
/// reader never sees new data under an old version. The web app reads a version on every request,
/// so reads go through a few connections kept open with the query prepared once: opening a pooled
/// connection and compiling the statement each time cost more than the read (docs/BENCHMARKS.md,
/// "Serving share, third pass").
/// </summary>
internal sealed class SqlitePersonVersions(SqliteConnections connections) : IPersonVersions, IAsyncDisposable
{
    /// <summary>Advances the version of $user_id (the first write makes it 1).</summary>
    public const string Bump = """
        INSERT INTO person_versions (user_id, version) VALUES ($user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1
        """;

    /// <summary>Readers kept for the next call; more run at once when needed, and the extra ones are closed.</summary>
    private const int KeptReaders = 8;

    private sealed class Reader(SqliteConnection connection, SqliteCommand query, SqliteParameter userId)
    {
        public SqliteConnection Connection { get; } = connection;
        public SqliteCommand Query { get; } = query;
        public SqliteParameter UserId { get; } = userId;
    }

    private readonly ConcurrentBag<Reader> _readers = [];
    private volatile bool _disposed;

    public async Task<long> GetAsync(int userId, CancellationToken cancellationToken = default)
    {
        var reader = _readers.TryTake(out var kept) ? kept : await OpenReaderAsync(cancellationToken);
        try
        {
            reader.UserId.Value = userId;
            // A primary-key read of one row from the local file: microseconds, so it runs inline.
            return reader.Query.ExecuteScalar() is long version ? version : 0;
        }
        finally
        {
            if (_disposed || _readers.Count >= KeptReaders) await CloseAsync(reader);
            else _readers.Add(reader);
        }
    }

    private async Task<Reader> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        var query = connection.Command("SELECT version FROM person_versions WHERE user_id = $user_id");
        var userId = query.Parameter("$user_id", SqliteType.Integer);
        userId.Value = 0;
        query.Prepare();
        return new Reader(connection, query, userId);
    }

    private static async Task CloseAsync(Reader reader)
    {
        await reader.Query.DisposeAsync();
        await reader.Connection.DisposeAsync();
    }

    /// <summary>Closes the kept readers (before the store releases its pool, so the file is let go).</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_readers.TryTake(out var reader)) await CloseAsync(reader);
    }
}
