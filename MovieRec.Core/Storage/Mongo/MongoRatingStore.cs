using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// Ratings in MongoDB. A write is two single-document operations, each atomic: the rating
/// (findOneAndUpdate/Delete, which hands back the previous value) and then the difference applied
/// to the movie's statistics and rating key in one pipeline update. Concurrent writes to one movie therefore add up
/// correctly; only a crash between the two steps can leave statistics off, which
/// <see cref="IMovieRecStore.ReconcileStatisticsAsync"/> repairs.
/// </summary>
internal sealed class MongoRatingStore(MongoCollections collections, ILogger logger) : IRatingStore
{

    public async Task<float?> UpsertAsync(Rating rating, CancellationToken cancellationToken = default)
    {
        StoreValidation.Rating(rating);
        await MongoReferences.EnsureExistAsync(collections, rating.UserId, rating.MovieId, cancellationToken);

        var previous = await ReplaceRatingAsync(rating, cancellationToken);
        var countDelta = previous is null ? 1 : 0;
        var sumDelta = rating.Value - (previous?.Value ?? 0);
        if (countDelta != 0 || sumDelta != 0)
            await collections.Movies.UpdateOneAsync(MongoQueries.MovieById(rating.MovieId), MongoUpdates.ApplyRatingDelta(countDelta, sumDelta), cancellationToken: cancellationToken);
        await new MongoRetrainLog(collections).CountRatingWriteAsync(cancellationToken);
        await MongoPersonVersions.BumpAsync(collections, rating.UserId, cancellationToken);
        return previous is null ? null : (float)previous.Value;
    }

    private async Task<RatingDocument?> ReplaceRatingAsync(Rating rating, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<RatingDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.Before };
        var filter = MongoQueries.Rating(rating.UserId, rating.MovieId);
        var update = MongoUpdates.SetRating(rating.Value, rating.Timestamp);
        try
        {
            return await collections.Ratings.FindOneAndUpdateAsync(filter, update, options, cancellationToken);
        }
        catch (MongoException error) when (MongoErrors.IsDuplicateKey(error))
        {
            // Two first ratings of the same pair raced and the other insert won; now the
            // document exists, so this time the update matches it and returns its value.
            return await collections.Ratings.FindOneAndUpdateAsync(filter, update, options, cancellationToken);
        }
    }

    public async Task<float?> DeleteAsync(int userId, int movieId, CancellationToken cancellationToken = default)
    {
        var deleted = await collections.Ratings.FindOneAndDeleteAsync(MongoQueries.Rating(userId, movieId), cancellationToken: cancellationToken);
        if (deleted is null)
            return null;
        await collections.Movies.UpdateOneAsync(MongoQueries.MovieById(movieId), MongoUpdates.ApplyRatingDelta(-1, -deleted.Value), cancellationToken: cancellationToken);
        await MongoPersonVersions.BumpAsync(collections, userId, cancellationToken);
        return (float)deleted.Value;
    }

    public async Task<Rating?> GetAsync(int userId, int movieId, CancellationToken cancellationToken = default)
    {
        var document = await collections.Ratings.Find(MongoQueries.Rating(userId, movieId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRating();
    }

    public async Task<IReadOnlyList<Rating>> ListByUserAsync(int userId, CancellationToken cancellationToken = default)
    {
        var documents = await collections.Ratings.Find(MongoQueries.RatingsOfUser(userId))
            .Sort(MongoSorts.RatingsNewestFirst)
            .ToListAsync(cancellationToken);
        return documents.Select(d => d.ToRating()).ToList();
    }

    public async Task<RatingPage> QueryByUserAsync(RatingQuery query, CancellationToken cancellationToken = default)
    {
        StoreValidation.Query(query);
        var answer = await collections.Ratings.Aggregate(MongoRatingPages.Page(query, StoreValidation.Genre(query)), cancellationToken: cancellationToken)
            .SingleAsync(cancellationToken);
        var totals = answer[MongoRatingPages.TotalField].AsBsonArray;
        long total = totals.Count == 0 ? 0 : totals[0]["n"].ToInt64();
        var ratings = answer[MongoRatingPages.PageField].AsBsonArray
            .Select(d => BsonSerializer.Deserialize<RatingDocument>(d.AsBsonDocument).ToRating())
            .ToList();
        return new RatingPage(ratings, total, query.Page, query.PageSize);
    }

    public async IAsyncEnumerable<Rating> StreamAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The cursor fetches a batch at a time; only the current batch is in memory.
        using var cursor = await collections.Ratings.Find(MongoQueries.AllRatings)
            .Sort(MongoSorts.RatingsByUserThenMovie)
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
                yield return document.ToRating();
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        collections.Ratings.CountDocumentsAsync(MongoQueries.AllRatings, cancellationToken: cancellationToken);

    public async Task<ImportCounts> ImportAsync(IEnumerable<Rating> ratings, CancellationToken cancellationToken = default)
    {
        var total = new ImportCounts();
        foreach (var batch in ratings.Chunk(ImportBatch.Size))
        {
            foreach (var rating in batch)
                StoreValidation.Rating(rating);
            await EnsureAllExistAsync(batch, cancellationToken);
            total += await ImportBatchAsync(batch, cancellationToken);
            logger.LogDebug("Imported a batch of {Count} ratings", batch.Length);
        }
        logger.LogInformation("Imported ratings: {Added} added, {AlreadyPresent} already present", total.Added, total.AlreadyPresent);
        return total;
    }

    private async Task<ImportCounts> ImportBatchAsync(Rating[] batch, CancellationToken cancellationToken)
    {
        var documents = batch.Select(RatingDocument.From).ToList();
        var refused = new HashSet<int>();
        try
        {
            // Unordered: the server goes on past a duplicate, so one call inserts every new rating.
            await collections.Ratings.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException error) when (MongoErrors.IsDuplicateKey(error))
        {
            // A stored (userId, movieId) keeps its value: that is what makes a second import add nothing.
            refused.UnionWith(error.WriteErrors.Select(e => e.Index));
        }

        var deltas = new Dictionary<int, (int Count, double Sum)>();
        var changedPeople = new HashSet<int>();
        for (var i = 0; i < batch.Length; i++)
        {
            if (refused.Contains(i))
                continue;
            var rating = batch[i];
            changedPeople.Add(rating.UserId);
            deltas[rating.MovieId] = deltas.TryGetValue(rating.MovieId, out var d) ? (d.Count + 1, d.Sum + rating.Value) : (1, rating.Value);
        }
        if (deltas.Count > 0)
        {
            var updates = deltas.Select(pair => new UpdateOneModel<MovieDocument>(
                MongoQueries.MovieById(pair.Key), MongoUpdates.ApplyRatingDelta(pair.Value.Count, pair.Value.Sum)));
            await collections.Movies.BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
        await MongoPersonVersions.BumpAllAsync(collections, changedPeople, cancellationToken);
        return new ImportCounts(batch.Length - refused.Count, refused.Count);
    }

    /// <summary>MongoDB has no foreign keys: check a batch's users and movies before inserting any of it.</summary>
    private async Task EnsureAllExistAsync(Rating[] batch, CancellationToken cancellationToken)
    {
        var userIds = batch.Select(r => r.UserId).ToHashSet();
        var storedUsers = await collections.Users.Find(MongoQueries.UsersByIds(userIds))
            .Project(d => d.Id).ToListAsync(cancellationToken);
        userIds.ExceptWith(storedUsers);
        if (userIds.Count > 0)
            throw StoreValidation.UnknownUser(userIds.Min());

        var movieIds = batch.Select(r => r.MovieId).ToHashSet();
        var storedMovies = await collections.Movies.Find(MongoQueries.MoviesByIds(movieIds))
            .Project(d => d.Id).ToListAsync(cancellationToken);
        movieIds.ExceptWith(storedMovies);
        if (movieIds.Count > 0)
            throw StoreValidation.UnknownMovie(movieIds.Min());
    }
}
