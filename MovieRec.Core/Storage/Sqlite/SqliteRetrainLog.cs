using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>The rating-write count (the one row of rating_writes) and the rows of retrain_runs.</summary>
internal sealed class SqliteRetrainLog(SqliteConnections connections) : IRetrainLog
{
    /// <summary>Run inside every rating upsert's transaction, so the count and the ratings never disagree.</summary>
    public const string CountRatingWrite = "UPDATE rating_writes SET count = count + 1 WHERE id = 1";

    public async Task<long> RatingWritesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT count FROM rating_writes WHERE id = 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    public async Task RecordAsync(RetrainRun run, CancellationToken cancellationToken = default)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
                INSERT INTO retrain_runs (started_at_ms, finished_at_ms, trigger, holder, outcome, reason, ratings,
                                          held_out_rmse, bias_only_rmse, current_rmse, held_out_ndcg, rating_writes_at_start, held_out_as_served)
                VALUES ($started, $finished, $trigger, $holder, $outcome, $reason, $ratings, $rmse, $bias, $current, $ndcg, $writes, $served)
                """)
            .With("$started", run.StartedAt.ToUnixTimeMilliseconds())
            .With("$finished", run.FinishedAt.ToUnixTimeMilliseconds())
            .With("$trigger", run.Trigger)
            .With("$holder", run.Holder)
            .With("$outcome", RetrainOutcomeNames.Of(run.Outcome))
            .With("$reason", run.Reason)
            .With("$ratings", run.Ratings)
            .With("$rmse", StoredFigures.Finite(run.HeldOutRmse))
            .With("$bias", StoredFigures.Finite(run.BiasOnlyRmse))
            .With("$current", StoredFigures.Finite(run.CurrentRmse))
            .With("$ndcg", StoredFigures.Finite(run.HeldOutNdcg))
            .With("$writes", run.RatingWritesAtStart)
            .With("$served", run.HeldOutAsServed ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RetrainRun>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
                SELECT started_at_ms, finished_at_ms, trigger, holder, outcome, reason, ratings,
                       held_out_rmse, bias_only_rmse, current_rmse, held_out_ndcg, rating_writes_at_start, held_out_as_served
                FROM retrain_runs ORDER BY started_at_ms DESC, run_id DESC LIMIT $count
                """)
            .With("$count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RetrainRun>();
        while (await reader.ReadAsync(cancellationToken))
            runs.Add(new RetrainRun(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2), reader.GetString(3), RetrainOutcomeNames.Parse(reader.GetString(4)), reader.GetString(5),
                reader.GetInt64(6), Nullable(reader, 7), Nullable(reader, 8), Nullable(reader, 9), Nullable(reader, 10), reader.GetInt64(11))
            {
                HeldOutAsServed = reader.GetInt64(12) != 0,
            });
        return runs;
    }


    private static double? Nullable(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
