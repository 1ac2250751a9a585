namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Each person's version in the person_versions table (schema version 9). Every write of a
/// person's ratings, lists or settings runs <see cref="Bump"/> inside its own transaction, so a
/// reader never sees new data under an old version.
/// </summary>
internal sealed class SqlitePersonVersions(SqliteConnections connections) : IPersonVersions
{
    /// <summary>Advances the version of $user_id (the first write makes it 1).</summary>
    public const string Bump = """
        INSERT INTO person_versions (user_id, version) VALUES ($user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = version + 1
        """;

    public async Task<long> GetAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT version FROM person_versions WHERE user_id = $user_id").With("$user_id", userId);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }
}
