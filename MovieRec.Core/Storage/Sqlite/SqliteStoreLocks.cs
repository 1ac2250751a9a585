namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Leases as rows of store_locks. Taking one is a single upsert whose WHERE lets it overwrite only
/// an expired row or the holder's own, under the write lock of BEGIN IMMEDIATE: of two processes on
/// one file exactly one sees a changed row.
/// </summary>
internal sealed class SqliteStoreLocks(SqliteConnections connections) : IStoreLocks
{
    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        ChangeAsync("""
            INSERT INTO store_locks (name, holder, acquired_at_ms, expires_at_ms) VALUES ($name, $holder, $now, $expires)
            ON CONFLICT (name) DO UPDATE SET
                holder = excluded.holder,
                acquired_at_ms = excluded.acquired_at_ms,
                expires_at_ms = excluded.expires_at_ms
            WHERE store_locks.holder = excluded.holder OR store_locks.expires_at_ms <= excluded.acquired_at_ms
            """, name, holder, now, lease, cancellationToken);

    public Task<bool> RenewAsync(string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        ChangeAsync("UPDATE store_locks SET expires_at_ms = $expires WHERE name = $name AND holder = $holder",
            name, holder, now, lease, cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        ChangeAsync("DELETE FROM store_locks WHERE name = $name AND holder = $holder",
            name, holder, DateTimeOffset.UnixEpoch, TimeSpan.Zero, cancellationToken);

    public async Task<StoreLock?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT holder, acquired_at_ms, expires_at_ms FROM store_locks WHERE name = $name")
            .With("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new StoreLock(name, reader.GetString(0),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    private async Task<bool> ChangeAsync(string sql, string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await using var command = connection.Command(sql, transaction)
            .With("$name", name)
            .With("$holder", holder)
            .With("$now", now.ToUnixTimeMilliseconds())
            .With("$expires", (now + lease).ToUnixTimeMilliseconds());
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return changed > 0;
    }
}
