using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>A/B impressions and outcomes in the experiment_picks table (schema version 5).</summary>
internal sealed class SqliteExperimentStore(SqliteConnections connections, TimeProvider clock) : IExperimentStore
{
    public async Task RecordShownAsync(string experiment, string arm, int userId, IReadOnlyCollection<int> movieIds, CancellationToken cancellationToken = default)
    {
        if (!ExperimentArms.IsKnown(arm)) throw new ArgumentException($"'{arm}' is not an experiment arm", nameof(arm));
        if (movieIds.Count == 0) return;
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One statement for the whole list: json_each turns the ids into rows; a pick shown before keeps its first record.
        await using var insert = connection.Command("""
                INSERT INTO experiment_picks (experiment, user_id, movie_id, arm, shown_at_ms)
                SELECT $experiment, $user_id, value, $arm, $at FROM json_each($movie_ids)
                WHERE true
                ON CONFLICT DO NOTHING
                """)
            .With("$experiment", experiment)
            .With("$user_id", userId)
            .With("$arm", arm)
            .With("$at", clock.GetUtcNow().ToUnixTimeMilliseconds())
            .With("$movie_ids", SqliteCommands.IdsJson(movieIds));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<bool> RecordOpenedAsync(string experiment, int userId, int movieId, CancellationToken cancellationToken = default) =>
        UpdateFirstAsync("UPDATE experiment_picks SET opened_at_ms = $at " +
                         "WHERE experiment = $experiment AND user_id = $user_id AND movie_id = $movie_id AND opened_at_ms IS NULL",
            experiment, userId, movieId, rating: null, cancellationToken);

    public Task<bool> RecordRatedAsync(string experiment, int userId, int movieId, double rating, CancellationToken cancellationToken = default) =>
        UpdateFirstAsync("UPDATE experiment_picks SET rated_at_ms = $at, rating = $rating " +
                         "WHERE experiment = $experiment AND user_id = $user_id AND movie_id = $movie_id AND rated_at_ms IS NULL",
            experiment, userId, movieId, rating, cancellationToken);

    private async Task<bool> UpdateFirstAsync(string sql, string experiment, int userId, int movieId, double? rating, CancellationToken cancellationToken)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var update = connection.Command(sql)
            .With("$experiment", experiment)
            .With("$user_id", userId)
            .With("$movie_id", movieId)
            .With("$at", clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (rating is { } value) update.With("$rating", value);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ArmCounts>> CountAsync(string experiment, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
                SELECT arm, COUNT(DISTINCT user_id), COUNT(*), COUNT(opened_at_ms), COUNT(rated_at_ms),
                       TOTAL(rating), TOTAL(rating * rating)
                FROM experiment_picks WHERE experiment = $experiment
                GROUP BY arm ORDER BY arm = 'candidate', arm
                """)
            .With("$experiment", experiment);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var arms = new List<ArmCounts>();
        while (await reader.ReadAsync(cancellationToken))
            arms.Add(Read(reader));
        return arms;
    }

    private static ArmCounts Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetDouble(5), reader.GetDouble(6));
}
