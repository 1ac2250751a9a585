using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Ratings in SQLite. Every write and its change to the movie's statistics share one
/// BEGIN IMMEDIATE transaction: they are committed together or not at all, and writers queue
/// on the write lock instead of interleaving, so the statistics always equal a recount.
/// </summary>
internal sealed class SqliteRatingStore(SqliteConnections connections, ILogger logger) : IRatingStore
{
    // The rating order's key moves with the statistics, in the same statement (SET reads the old row).
    private static readonly string ApplyDelta = $"""
        UPDATE movies SET rating_count = rating_count + $count_delta, rating_sum = rating_sum + $sum_delta,
            rating_key = {SqliteRatingKeys.KeyOf("rating_sum + $sum_delta", "rating_count + $count_delta")}
        WHERE movie_id = $movie_id
        """;

    public async Task<float?> UpsertAsync(Rating rating, CancellationToken cancellationToken = default)
    {
        StoreValidation.Rating(rating);
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();

        var previous = await ReadPreviousValueAsync(connection, transaction, rating, cancellationToken);
        await using var write = connection.Command($"""
                INSERT INTO ratings (user_id, movie_id, value, timestamp) VALUES ($user_id, $movie_id, $value, $timestamp)
                ON CONFLICT (user_id, movie_id) DO UPDATE SET value = excluded.value, timestamp = excluded.timestamp;
                {ApplyDelta};
                {SqliteRetrainLog.CountRatingWrite};
                {SqlitePersonVersions.Bump};
                """, transaction)
            .With("$user_id", rating.UserId)
            .With("$movie_id", rating.MovieId)
            .With("$value", (double)rating.Value)
            .With("$timestamp", rating.Timestamp)
            .With("$count_delta", previous is null ? 1 : 0)
            .With("$sum_delta", (double)rating.Value - (previous ?? 0));
        await write.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return previous;
    }

    /// <summary>Checks that the user and movie exist, and reads the value the rating replaces (null: a new rating).</summary>
    private static async Task<float?> ReadPreviousValueAsync(SqliteConnection connection, SqliteTransaction transaction, Rating rating, CancellationToken cancellationToken)
    {
        await using var check = connection.Command("""
                SELECT EXISTS (SELECT 1 FROM users WHERE user_id = $user_id),
                       EXISTS (SELECT 1 FROM movies WHERE movie_id = $movie_id),
                       (SELECT value FROM ratings WHERE user_id = $user_id AND movie_id = $movie_id)
                """, transaction)
            .With("$user_id", rating.UserId)
            .With("$movie_id", rating.MovieId);
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0))
            throw StoreValidation.UnknownUser(rating.UserId);
        if (!reader.GetBoolean(1))
            throw StoreValidation.UnknownMovie(rating.MovieId);
        return reader.IsDBNull(2) ? null : (float)reader.GetDouble(2);
    }

    public async Task<float?> DeleteAsync(int userId, int movieId, CancellationToken cancellationToken = default)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await using var delete = connection.Command("DELETE FROM ratings WHERE user_id = $user_id AND movie_id = $movie_id RETURNING value", transaction)
            .With("$user_id", userId)
            .With("$movie_id", movieId);
        var deleted = await delete.ExecuteScalarAsync(cancellationToken);
        if (deleted is null)
            return null;
        var previous = Convert.ToDouble(deleted);
        await using var stats = connection.Command($"{ApplyDelta}; {SqlitePersonVersions.Bump}", transaction)
            .With("$count_delta", -1)
            .With("$sum_delta", -previous)
            .With("$movie_id", movieId)
            .With("$user_id", userId);
        await stats.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return (float)previous;
    }

    public async Task<Rating?> GetAsync(int userId, int movieId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT user_id, movie_id, value, timestamp FROM ratings WHERE user_id = $user_id AND movie_id = $movie_id")
            .With("$user_id", userId)
            .With("$movie_id", movieId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRating(reader) : null;
    }

    public async Task<IReadOnlyList<Rating>> ListByUserAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT user_id, movie_id, value, timestamp FROM ratings WHERE user_id = $user_id ORDER BY timestamp DESC, movie_id")
            .With("$user_id", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ratings = new List<Rating>();
        while (await reader.ReadAsync(cancellationToken))
            ratings.Add(ReadRating(reader));
        return ratings;
    }

    public async Task<RatingPage> QueryByUserAsync(RatingQuery query, CancellationToken cancellationToken = default)
    {
        StoreValidation.Query(query);
        var genre = StoreValidation.Genre(query);
        // The join leaves out ratings of movies the store no longer has; the page and its count
        // share one WHERE so the count is what paging walks through.
        var where = "r.user_id = $user_id";
        if (query.MinValue is not null) where += " AND r.value >= $min_value";
        if (query.MaxValue is not null) where += " AND r.value <= $max_value";
        if (genre is not null) where += " AND r.movie_id IN (SELECT g.movie_id FROM movie_genres g WHERE g.genre = $genre)";

        await using var connection = await connections.OpenAsync(cancellationToken);
        // One read snapshot: the count and the page agree.
        using var transaction = connection.BeginRead();
        SqliteCommand Bind(SqliteCommand command)
        {
            command.With("$user_id", query.UserId);
            if (query.MinValue is { } min) command.With("$min_value", (double)min);
            if (query.MaxValue is { } max) command.With("$max_value", (double)max);
            if (genre is not null) command.With("$genre", genre);
            return command;
        }

        await using var count = Bind(connection.Command($"SELECT COUNT(*) FROM ratings r JOIN movies m ON m.movie_id = r.movie_id WHERE {where}", transaction));
        long total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));

        await using var page = Bind(connection.Command($"""
                SELECT r.user_id, r.movie_id, r.value, r.timestamp FROM ratings r JOIN movies m ON m.movie_id = r.movie_id
                WHERE {where} ORDER BY {OrderBy(query.Order)} LIMIT $limit OFFSET $offset
                """, transaction))
            .With("$limit", query.PageSize)
            .With("$offset", query.Offset);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        var ratings = new List<Rating>(query.PageSize);
        while (await reader.ReadAsync(cancellationToken))
            ratings.Add(ReadRating(reader));
        transaction.Commit();
        return new RatingPage(ratings, total, query.Page, query.PageSize);
    }

    /// <summary>Fixed SQL per order, never built from input; ties end on the movie id.</summary>
    private static string OrderBy(RatingOrder order) => order switch
    {
        RatingOrder.Newest => "r.timestamp DESC, r.movie_id",
        RatingOrder.Oldest => "r.timestamp ASC, r.movie_id",
        RatingOrder.Highest => "r.value DESC, r.timestamp DESC, r.movie_id",
        RatingOrder.Lowest => "r.value ASC, r.timestamp DESC, r.movie_id",
        RatingOrder.Title => "m.title_folded, r.movie_id",
        _ => throw new StoreValidationException("Unknown sort order."),
    };

    public async IAsyncEnumerable<Rating> StreamAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The reader steps through the table's own key order; rows are read as they are yielded.
        // Under WAL the open read does not block writers, but the WAL cannot be checkpointed past
        // this reader's snapshot until the stream ends: consume it promptly.
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT user_id, movie_id, value, timestamp FROM ratings ORDER BY user_id, movie_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadRating(reader);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM ratings");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<ImportCounts> ImportAsync(IEnumerable<Rating> ratings, CancellationToken cancellationToken = default)
    {
        var total = new ImportCounts();
        foreach (var batch in ratings.Chunk(ImportBatch.Size))
        {
            foreach (var rating in batch)
                StoreValidation.Rating(rating);
            total += await ImportBatchAsync(batch, cancellationToken);
            logger.LogDebug("Imported a batch of {Count} ratings", batch.Length);
        }
        logger.LogInformation("Imported ratings: {Added} added, {AlreadyPresent} already present", total.Added, total.AlreadyPresent);
        return total;
    }

    private async Task<ImportCounts> ImportBatchAsync(Rating[] batch, CancellationToken cancellationToken)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();

        // One prepared statement for the batch; DO NOTHING keeps a stored rating as it is, which is
        // what makes a second import of the same file add nothing.
        await using var insert = connection.Command(
            "INSERT INTO ratings (user_id, movie_id, value, timestamp) VALUES ($user_id, $movie_id, $value, $timestamp) ON CONFLICT DO NOTHING",
            transaction);
        var userId = insert.Parameter("$user_id", SqliteType.Integer);
        var movieId = insert.Parameter("$movie_id", SqliteType.Integer);
        var value = insert.Parameter("$value", SqliteType.Real);
        var timestamp = insert.Parameter("$timestamp", SqliteType.Integer);

        // The statistics change of the batch, summed per movie and applied once per movie.
        var deltas = new Dictionary<int, (int Count, double Sum)>();
        var changedPeople = new HashSet<int>();
        var added = 0;
        foreach (var rating in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            userId.Value = rating.UserId;
            movieId.Value = rating.MovieId;
            value.Value = (double)rating.Value;
            timestamp.Value = rating.Timestamp;
            int inserted;
            try
            {
                inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException error) when (error.IsForeignKeyViolation())
            {
                throw await ExplainMissingReferenceAsync(connection, transaction, rating, cancellationToken);
            }
            if (inserted == 0)
                continue;
            added++;
            changedPeople.Add(rating.UserId);
            deltas[rating.MovieId] = deltas.TryGetValue(rating.MovieId, out var d) ? (d.Count + 1, d.Sum + rating.Value) : (1, rating.Value);
        }

        await using var stats = connection.Command(ApplyDelta, transaction);
        var countDelta = stats.Parameter("$count_delta", SqliteType.Integer);
        var sumDelta = stats.Parameter("$sum_delta", SqliteType.Real);
        var statsMovie = stats.Parameter("$movie_id", SqliteType.Integer);
        foreach (var (movie, delta) in deltas)
        {
            countDelta.Value = delta.Count;
            sumDelta.Value = delta.Sum;
            statsMovie.Value = movie;
            await stats.ExecuteNonQueryAsync(cancellationToken);
        }

        // Everyone who gained a rating gets a new version (once per batch: a dataset's ratings come
        // grouped by person, so this is about one statement per person imported).
        await using var bump = connection.Command(SqlitePersonVersions.Bump, transaction);
        var bumped = bump.Parameter("$user_id", SqliteType.Integer);
        foreach (int person in changedPeople)
        {
            bumped.Value = person;
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
        return new ImportCounts(added, batch.Length - added);
    }

    /// <summary>SQLite says only that a foreign key failed; look up which reference it was.</summary>
    private static async Task<StoreValidationException> ExplainMissingReferenceAsync(SqliteConnection connection, SqliteTransaction transaction, Rating rating, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT EXISTS (SELECT 1 FROM users WHERE user_id = $user_id)", transaction)
            .With("$user_id", rating.UserId);
        var userExists = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1;
        return userExists ? StoreValidation.UnknownMovie(rating.MovieId) : StoreValidation.UnknownUser(rating.UserId);
    }

    private static Rating ReadRating(SqliteDataReader reader) =>
        new(reader.GetInt32(0), reader.GetInt32(1), (float)reader.GetDouble(2), reader.GetInt64(3));
}
