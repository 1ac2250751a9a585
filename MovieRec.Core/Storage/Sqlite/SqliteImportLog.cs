namespace MovieRec.Core.Storage.Sqlite;

/// <summary>The import marker as the single row of import_state (id = 1).</summary>
internal sealed class SqliteImportLog(SqliteConnections connections, TimeProvider clock) : IImportLog
{
    public async Task<ImportState?> LastAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT dataset, started_at_ms, completed_at_ms FROM import_state WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ImportState(
            reader.GetString(0),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    public Task BeginAsync(string dataset, CancellationToken cancellationToken = default) => WriteAsync("""
        INSERT INTO import_state (id, dataset, started_at_ms, completed_at_ms) VALUES (1, $dataset, $now, NULL)
        ON CONFLICT (id) DO UPDATE SET dataset = excluded.dataset, started_at_ms = excluded.started_at_ms, completed_at_ms = NULL
        """, dataset, cancellationToken);

    public Task CompleteAsync(CancellationToken cancellationToken = default) =>
        WriteAsync("UPDATE import_state SET completed_at_ms = $now WHERE id = 1", null, cancellationToken);

    private async Task WriteAsync(string sql, string? dataset, CancellationToken cancellationToken)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql)
            .With("$dataset", dataset)
            .With("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
