namespace MovieRec.Core.Storage.Sqlite;

/// <summary>The active model version in the active_model table (schema version 5): one row, replaced in one statement.</summary>
internal sealed class SqliteActiveModelStore(SqliteConnections connections, TimeProvider clock) : IActiveModelStore
{
    public async Task<ActiveModelVersion?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT version, activated_at_ms FROM active_model WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ActiveModelVersion(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    public async Task SetAsync(string version, CancellationToken cancellationToken = default)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var upsert = connection.Command("""
                INSERT INTO active_model (id, version, activated_at_ms) VALUES (1, $version, $at)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, activated_at_ms = excluded.activated_at_ms
                """)
            .With("$version", version)
            .With("$at", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
