using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>Hidden movies and watch-lists in the person_lists table (schema version 3).</summary>
internal sealed class SqlitePersonListStore(SqliteConnections connections, TimeProvider clock) : IPersonListStore
{
    public async Task<bool> AddAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await using var insert = connection.Command("""
                INSERT INTO person_lists (user_id, list, movie_id, added_at_ms) VALUES ($user_id, $list, $movie_id, $added_at_ms)
                ON CONFLICT DO NOTHING
                """, transaction)
            .With("$user_id", userId)
            .With("$list", PersonListNames.Of(list))
            .With("$movie_id", movieId)
            .With("$added_at_ms", clock.GetUtcNow().ToUnixTimeMilliseconds());
        bool added;
        try
        {
            added = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (SqliteException error) when (error.IsForeignKeyViolation())
        {
            await using var check = connection.Command("SELECT EXISTS (SELECT 1 FROM users WHERE user_id = $user_id)", transaction).With("$user_id", userId);
            var userExists = Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken)) == 1;
            throw userExists ? StoreValidation.UnknownMovie(movieId) : StoreValidation.UnknownUser(userId);
        }
        if (added) await BumpVersionAsync(connection, transaction, userId, cancellationToken);
        transaction.Commit();
        return added;
    }

    public async Task<bool> RemoveAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await using var delete = connection.Command("DELETE FROM person_lists WHERE user_id = $user_id AND list = $list AND movie_id = $movie_id", transaction)
            .With("$user_id", userId)
            .With("$list", PersonListNames.Of(list))
            .With("$movie_id", movieId);
        bool removed = await delete.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (removed) await BumpVersionAsync(connection, transaction, userId, cancellationToken);
        transaction.Commit();
        return removed;
    }

    private static async Task BumpVersionAsync(SqliteConnection connection, SqliteTransaction transaction, int userId, CancellationToken cancellationToken)
    {
        await using var bump = connection.Command(SqlitePersonVersions.Bump, transaction).With("$user_id", userId);
        await bump.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<int>> ListAsync(int userId, PersonList list, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT movie_id FROM person_lists WHERE user_id = $user_id AND list = $list ORDER BY added_at_ms DESC, movie_id")
            .With("$user_id", userId)
            .With("$list", PersonListNames.Of(list));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var movieIds = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
            movieIds.Add(reader.GetInt32(0));
        return movieIds;
    }
}
