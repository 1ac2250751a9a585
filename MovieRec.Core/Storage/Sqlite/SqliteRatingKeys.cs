using Microsoft.Data.Sqlite;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// The stored sort key of the rating order: movies.rating_key is <see cref="RatingDamping.DampedMean"/>
/// of the movie's statistics against the reference mean in rating_reference, indexed by
/// movies_by_rating. Rating writes keep it in their own transaction (<see cref="KeyAfter"/>); a
/// refresh moves the reference to the live mean and rewrites every key in one statement.
/// </summary>
internal static class SqliteRatingKeys
{
    /// <summary>The stored reference mean; NULL in every key until the first refresh.</summary>
    private const string Reference = "(SELECT mean FROM rating_reference WHERE id = 1)";

    /// <summary>
    /// SQL for the key of statistics given as two expressions over the movies row, in the same
    /// operations as <see cref="RatingDamping.DampedMean"/> so the stored double equals the one
    /// the page shows. m is our own integer constant, never input.
    /// </summary>
    public static string KeyOf(string sumExpression, string countExpression) =>
        $"(({sumExpression}) + {RatingDamping.PriorWeight} * {Reference}) / (({countExpression}) + {RatingDamping.PriorWeight})";

    public static async Task<double?> ReadReferenceAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {Reference}", transaction);
        return await command.ExecuteScalarAsync(cancellationToken) is double mean ? mean : null;
    }

    /// <summary>
    /// Sets the reference to the live mean and rewrites every key; the caller holds the write lock
    /// and commits. Returns the new reference.
    /// </summary>
    public static async Task<double> RefreshAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var liveMean = await SqliteMovieStore.GlobalMeanAsync(connection, transaction, cancellationToken);
        await using var command = connection.Command($"""
                INSERT INTO rating_reference (id, mean) VALUES (1, $mean) ON CONFLICT (id) DO UPDATE SET mean = excluded.mean;
                UPDATE movies SET rating_key = {KeyOf("rating_sum", "rating_count")};
                """, transaction)
            .With("$mean", liveMean);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return liveMean;
    }
}
