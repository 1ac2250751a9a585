using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Sqlite;

internal sealed class SqliteMovieStore(SqliteConnections connections, ILogger logger) : IMovieStore
{
    public async Task<Movie?> GetAsync(int movieId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {SqliteMovieRows.Columns} FROM movies m WHERE m.movie_id = $id")
            .With("$id", movieId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteMovieRows.Read(reader).Movie : null;
    }

    public async Task<IReadOnlyDictionary<int, Movie>> GetManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, Movie>();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                $"SELECT {SqliteMovieRows.Columns} FROM movies m WHERE m.movie_id IN (SELECT value FROM json_each($ids))")
            .With("$ids", SqliteCommands.IdsJson(movieIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var movie = SqliteMovieRows.Read(reader).Movie;
            found[movie.MovieId] = movie;
        }
        return found;
    }

    public async Task<MoviePage> QueryAsync(MovieQuery query, CancellationToken cancellationToken = default)
    {
        StoreValidation.Query(query);
        var conditions = new List<string>();
        var binders = new List<Action<SqliteCommand>>();
        if (StoreValidation.TitleForms(query) is { } forms)
        {
            var (sql, bind) = SqliteTitleSearch.Contains(forms);
            conditions.Add(sql);
            binders.Add(bind);
        }
        if (StoreValidation.Genre(query) is { } genre)
        {
            conditions.Add("m.movie_id IN (SELECT g.movie_id FROM movie_genres g WHERE g.genre = $genre)");
            binders.Add(command => command.With("$genre", genre));
        }
        if (StoreValidation.TagKey(query) is { } tagKey)
        {
            conditions.Add("m.movie_id IN (SELECT t.movie_id FROM movie_tags t WHERE t.tag_key = $tag)");
            binders.Add(command => command.With("$tag", tagKey));
        }
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        void Bind(SqliteCommand command)
        {
            foreach (var bind in binders) bind(command);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var globalMean = await CurrentReferenceAsync(connection, cancellationToken);
        // One snapshot for the count and the rows, so the page agrees with itself. A refresh
        // committed in between only moves every key to a reference within 0.01 of this one.
        using var transaction = connection.BeginRead();

        await using var count = connection.Command($"SELECT COUNT(*) FROM movies m {where}", transaction);
        Bind(count);
        var totalCount = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));

        // The page's ids are chosen first, from the order's index; the whole rows (with their
        // genre and tag subqueries) are built for those 20 alone.
        string order = SqliteMovieOrder.OrderBy(query);
        await using var select = connection.Command(
                $"""
                SELECT {SqliteMovieRows.Columns}
                FROM (SELECT m.movie_id FROM movies m {where} ORDER BY {order} LIMIT $limit OFFSET $offset) page
                JOIN movies m ON m.movie_id = page.movie_id
                ORDER BY {order}
                """,
                transaction)
            .With("$limit", query.PageSize)
            .With("$offset", query.Offset);
        Bind(select);
        var items = new List<MovieListing>(query.PageSize);
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                items.Add(SqliteMovieRows.Read(reader));
        }
        transaction.Commit();
        return new MoviePage(items, totalCount, query.Page, query.PageSize, globalMean);
    }

    public Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken = default) =>
        TitleSuggestions.BuildAsync(text, limit,
            (forms, count) => MostRatedContainingAsync(forms, count, cancellationToken),
            (grams, count) => NearCandidatesAsync(grams, count, cancellationToken),
            ids => ListingsAsync($"SELECT {SqliteMovieRows.Columns} FROM movies m WHERE m.movie_id IN (SELECT value FROM json_each($ids))",
                command => command.With("$ids", SqliteCommands.IdsJson(ids)), cancellationToken));

    /// <summary>
    /// The most rated titles containing one of the forms, by the cheaper of two routes (see
    /// <see cref="SqliteTitleSearch"/>): the trigram index when the text is rare enough for its
    /// matches to be sorted, else a walk down the popularity order that stops at the first
    /// <paramref name="limit"/> matches, which come soon exactly because the text is common.
    /// </summary>
    private async Task<IReadOnlyList<MovieListing>> MostRatedContainingAsync(IReadOnlyList<string> forms, int limit, CancellationToken cancellationToken)
    {
        var (like, bindLike) = SqliteTitleSearch.KeyLike(forms);
        if (forms.Any(form => form.Length < SearchText.GramLength))
            return await ListingsAsync($"SELECT {SqliteMovieRows.Columns} FROM ({SqliteTitleSearch.BestKnownIds}) known JOIN movies m ON m.movie_id = known.movie_id WHERE {like} ORDER BY m.rating_count DESC, m.movie_id LIMIT $limit",
                command => { bindLike(command); command.With("$limit", limit); }, cancellationToken);

        var matches = new List<int>();
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var command = connection.Command(SqliteTitleSearch.MatchingIds)
            .With("$title_match", SqliteTitleSearch.AnyPhrase(forms)).With("$limit", SqliteTitleSearch.SortableMatches + 1))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) matches.Add(reader.GetInt32(0));
        }
        if (matches.Count <= SqliteTitleSearch.SortableMatches)
            return await ListingsAsync($"SELECT {SqliteMovieRows.Columns} FROM movies m WHERE m.movie_id IN (SELECT value FROM json_each($ids)) ORDER BY m.rating_count DESC, m.movie_id LIMIT $limit",
                command => command.With("$ids", SqliteCommands.IdsJson(matches)).With("$limit", limit), cancellationToken);
        return await ListingsAsync($"SELECT {SqliteMovieRows.Columns} FROM movies m INDEXED BY movies_by_popularity WHERE {like} ORDER BY m.rating_count DESC, m.movie_id LIMIT $limit",
            command => { bindLike(command); command.With("$limit", limit); }, cancellationToken);
    }

    /// <summary>Titles sharing the rarer trigrams of the text, the best by FTS5's bm25 rank first (see <see cref="SqliteTitleSearch.RareGrams"/>).</summary>
    private async Task<IReadOnlyList<TitleCandidate>> NearCandidatesAsync(IReadOnlyList<string> grams, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var frequencies = new Dictionary<string, long>();
        await using (var vocabulary = connection.Command(SqliteTitleSearch.GramFrequencies).With("$grams", System.Text.Json.JsonSerializer.Serialize(grams)))
        await using (var reader = await vocabulary.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) frequencies[reader.GetString(0)] = reader.GetInt64(1);
        }
        var rare = SqliteTitleSearch.RareGrams(frequencies);
        if (rare.Count == 0) return [];
        await using var command = connection.Command(SqliteTitleSearch.NearCandidates)
            .With("$grams", SqliteTitleSearch.AnyPhrase(rare)).With("$limit", limit);
        var candidates = new List<TitleCandidate>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
            candidates.Add(new TitleCandidate(rows.GetInt32(0), rows.GetString(1), rows.GetInt32(2)));
        return candidates;
    }

    private async Task<IReadOnlyList<MovieListing>> ListingsAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        bind(command);
        var listings = new List<MovieListing>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            listings.Add(SqliteMovieRows.Read(reader));
        return listings;
    }

    /// <summary>
    /// The reference mean the rating keys were computed against, refreshed first when the live
    /// mean has drifted from it (<see cref="RatingDamping.ReferenceIsStale"/>). Pages show means
    /// against this reference, so the figures agree with the order.
    /// </summary>
    private async Task<double> CurrentReferenceAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using (var read = connection.BeginRead())
        {
            var reference = await SqliteRatingKeys.ReadReferenceAsync(connection, read, cancellationToken);
            var liveMean = await GlobalMeanAsync(connection, read, cancellationToken);
            read.Commit();
            if (!RatingDamping.ReferenceIsStale(reference, liveMean))
                return reference!.Value;
        }
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        var refreshed = await SqliteRatingKeys.RefreshAsync(connection, transaction, cancellationToken);
        transaction.Commit();
        logger.LogInformation("Refreshed the rating order's reference mean to {Mean}", refreshed);
        return refreshed;
    }

    public async Task<MovieStatistics?> GetStatisticsAsync(int movieId, CancellationToken cancellationToken = default)
    {
        var found = await GetStatisticsManyAsync([movieId], cancellationToken);
        return found.TryGetValue(movieId, out var statistics) ? statistics : null;
    }

    public async Task<IReadOnlyDictionary<int, MovieStatistics>> GetStatisticsManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, MovieStatistics>();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT movie_id, rating_count, rating_sum FROM movies WHERE movie_id IN (SELECT value FROM json_each($ids))")
            .With("$ids", SqliteCommands.IdsJson(movieIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var statistics = new MovieStatistics(reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2));
            found[statistics.MovieId] = statistics;
        }
        return found;
    }

    public async Task<IReadOnlyList<string>> ListGenresAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT DISTINCT genre FROM movie_genres ORDER BY genre");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var genres = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            genres.Add(reader.GetString(0));
        return genres;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM movies");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<int> UpsertManyAsync(IEnumerable<Movie> movies, CancellationToken cancellationToken = default)
    {
        // A catalogue is small (under 100,000 movies): check it whole before the first write.
        var all = movies.ToList();
        foreach (var movie in all)
            StoreValidation.Movie(movie);
        var written = 0;
        foreach (var batch in all.Chunk(ImportBatch.Size))
            written += await UpsertBatchAsync(batch, cancellationToken);
        logger.LogInformation("Upserted {Count} movies", written);
        return written;
    }

    private async Task<int> UpsertBatchAsync(Movie[] batch, CancellationToken cancellationToken)
    {
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();

        // Prepared once, run once per row: the statement is compiled a single time per batch.
        // The statistics columns are left out on purpose: an import never resets them.
        await using var upsert = connection.Command($"""
            INSERT INTO movies (movie_id, title, title_folded, search_key, year, imdb_id, tmdb_id, rating_key)
            VALUES ($id, $title, $title_folded, $search_key, $year, $imdb_id, $tmdb_id, {SqliteRatingKeys.KeyOf("0", "0")})
            ON CONFLICT (movie_id) DO UPDATE SET
                title = excluded.title, title_folded = excluded.title_folded, search_key = excluded.search_key, year = excluded.year,
                imdb_id = excluded.imdb_id, tmdb_id = excluded.tmdb_id
            """, transaction);
        var id = upsert.Parameter("$id", SqliteType.Integer);
        var title = upsert.Parameter("$title", SqliteType.Text);
        var titleFolded = upsert.Parameter("$title_folded", SqliteType.Text);
        var movieSearchKey = upsert.Parameter("$search_key", SqliteType.Text);
        var year = upsert.Parameter("$year", SqliteType.Integer);
        var imdbId = upsert.Parameter("$imdb_id", SqliteType.Text);
        var tmdbId = upsert.Parameter("$tmdb_id", SqliteType.Integer);

        await using var clearChildren = connection.Command(
            $"DELETE FROM movie_genres WHERE movie_id = $id; DELETE FROM movie_tags WHERE movie_id = $id; {SqliteTitleSearch.DeleteKey};", transaction);
        var clearId = clearChildren.Parameter("$id", SqliteType.Integer);

        await using var addSearchKey = connection.Command(SqliteTitleSearch.InsertKey, transaction);
        var searchId = addSearchKey.Parameter("$id", SqliteType.Integer);
        var searchKey = addSearchKey.Parameter("$search_key", SqliteType.Text);

        await using var addGenre = connection.Command("INSERT INTO movie_genres (movie_id, position, genre) VALUES ($id, $position, $value)", transaction);
        var (genreMovie, genrePosition, genreValue) = ChildParameters(addGenre);
        await using var addTag = connection.Command(
            "INSERT INTO movie_tags (movie_id, position, tag, tag_key) VALUES ($id, $position, $value, $key)", transaction);
        var (tagMovie, tagPosition, tagValue) = ChildParameters(addTag);
        var tagKey = addTag.Parameter("$key", SqliteType.Text);

        foreach (var movie in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            id.Value = movie.MovieId;
            title.Value = movie.Title;
            titleFolded.Value = movie.Title.ToLowerInvariant();
            var key = SearchText.TitleKey(movie.Title);
            movieSearchKey.Value = key;
            year.Value = (object?)movie.Year ?? DBNull.Value;
            imdbId.Value = (object?)movie.ImdbId ?? DBNull.Value;
            tmdbId.Value = (object?)movie.TmdbId ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(cancellationToken);

            clearId.Value = movie.MovieId;
            await clearChildren.ExecuteNonQueryAsync(cancellationToken);
            searchId.Value = movie.MovieId;
            searchKey.Value = key;
            await addSearchKey.ExecuteNonQueryAsync(cancellationToken);
            await InsertChildrenAsync(addGenre, genreMovie, genrePosition, genreValue, movie.MovieId, movie.Genres, cancellationToken);
            await InsertChildrenAsync(addTag, tagMovie, tagPosition, tagValue, movie.MovieId, movie.Tags, cancellationToken,
                tag => tagKey.Value = SearchText.TagKey(tag));
        }
        transaction.Commit();
        return batch.Length;
    }

    private static (SqliteParameter Movie, SqliteParameter Position, SqliteParameter Value) ChildParameters(SqliteCommand command) =>
        (command.Parameter("$id", SqliteType.Integer), command.Parameter("$position", SqliteType.Integer), command.Parameter("$value", SqliteType.Text));

    private static async Task InsertChildrenAsync(SqliteCommand command, SqliteParameter movie, SqliteParameter position, SqliteParameter value,
        int movieId, IReadOnlyList<string> values, CancellationToken cancellationToken, Action<string>? bindMore = null)
    {
        movie.Value = movieId;
        for (var i = 0; i < values.Count; i++)
        {
            position.Value = i;
            value.Value = values[i];
            bindMore?.Invoke(values[i]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal static async Task<double> GlobalMeanAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        // A scan of the movies table (tens of thousands of rows), not of the ratings.
        await using var command = connection.Command("SELECT TOTAL(rating_sum), TOTAL(rating_count) FROM movies", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return RatingDamping.GlobalMean(reader.GetDouble(0), (long)reader.GetDouble(1));
    }
}
