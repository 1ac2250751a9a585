using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Mongo;

internal sealed class MongoMovieStore(MongoCollections collections, ILogger logger) : IMovieStore
{
    // Upserts per bulk write: a few hundred kilobytes per round trip.
    private const int UpsertBatchSize = 1_000;

    public async Task<Movie?> GetAsync(int movieId, CancellationToken cancellationToken = default)
    {
        var document = await collections.Movies.Find(MongoQueries.MovieById(movieId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToMovie();
    }

    public async Task<IReadOnlyDictionary<int, Movie>> GetManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default)
    {
        var documents = await collections.Movies.Find(MongoQueries.MoviesByIds(movieIds)).ToListAsync(cancellationToken);
        return documents.ToDictionary(d => d.Id, d => d.ToMovie());
    }

    public async Task<MoviePage> QueryAsync(MovieQuery query, CancellationToken cancellationToken = default)
    {
        StoreValidation.Query(query);
        var filter = MongoQueries.MovieList(StoreValidation.TitleForms(query), StoreValidation.Genre(query), StoreValidation.TagKey(query));
        var globalMean = await CurrentReferenceAsync(cancellationToken);
        var totalCount = await collections.Movies.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var documents = await collections.Movies.Aggregate(MongoPipelines.MoviePage(filter, query), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        var items = documents.Select(d => new MovieListing(d.ToMovie(), d.ToStatistics())).ToList();
        return new MoviePage(items, totalCount, query.Page, query.PageSize, globalMean);
    }

    public Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken = default) =>
        TitleSuggestions.BuildAsync(text, limit,
            (forms, count) => ListingsAsync(MongoPipelines.MostRatedMatching(MongoQueries.SearchKeyContains(forms), count), cancellationToken),
            async (grams, count) =>
            {
                var documents = await collections.Movies.Aggregate(MongoPipelines.NearCandidates(grams, count), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
                return documents.Select(d => new TitleCandidate(d.Id, d.Title, d.Stats.Count)).ToList();
            },
            async ids =>
            {
                var documents = await collections.Movies.Find(MongoQueries.MoviesByIds(ids)).ToListAsync(cancellationToken);
                return documents.Select(d => new MovieListing(d.ToMovie(), d.ToStatistics())).ToList();
            });

    private async Task<IReadOnlyList<MovieListing>> ListingsAsync(PipelineDefinition<MovieDocument, MovieDocument> pipeline, CancellationToken cancellationToken)
    {
        var documents = await collections.Movies.Aggregate(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return documents.Select(d => new MovieListing(d.ToMovie(), d.ToStatistics())).ToList();
    }

    /// <summary>
    /// Fills the search fields of movies written before they existed, or by an older
    /// <see cref="Catalog.SearchText.RuleVersion"/>: run at open, a no-op once done.
    /// </summary>
    internal static async Task<int> RefreshSearchKeysAsync(MongoCollections collections, CancellationToken cancellationToken)
    {
        var outdated = await collections.Movies.Find(MongoQueries.SearchKeysOutdated)
            .Project<MovieDocument>(Builders<MovieDocument>.Projection.Include(d => d.Title).Include(d => d.Tags))
            .ToListAsync(cancellationToken);
        foreach (var batch in outdated.Chunk(UpsertBatchSize))
        {
            var writes = batch.Select(d => new UpdateOneModel<MovieDocument>(MongoQueries.MovieById(d.Id), MongoUpdates.SetSearchKeys(d.Title, d.Tags)));
            await collections.Movies.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
        return outdated.Count;
    }

    public async Task<MovieStatistics?> GetStatisticsAsync(int movieId, CancellationToken cancellationToken = default)
    {
        var document = await collections.Movies.Find(MongoQueries.MovieById(movieId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToStatistics();
    }

    public async Task<IReadOnlyDictionary<int, MovieStatistics>> GetStatisticsManyAsync(IEnumerable<int> movieIds, CancellationToken cancellationToken = default)
    {
        var documents = await collections.Movies.Find(MongoQueries.MoviesByIds(movieIds))
            .Project<MovieDocument>(Builders<MovieDocument>.Projection.Include(d => d.Stats))
            .ToListAsync(cancellationToken);
        return documents.ToDictionary(d => d.Id, d => d.ToStatistics());
    }

    public async Task<IReadOnlyList<string>> ListGenresAsync(CancellationToken cancellationToken = default)
    {
        var cursor = await collections.Movies.DistinctAsync(
            new StringFieldDefinition<MovieDocument, string>("genres"), Builders<MovieDocument>.Filter.Empty, cancellationToken: cancellationToken);
        var genres = await cursor.ToListAsync(cancellationToken);
        return genres.Order(StringComparer.Ordinal).ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        (int)await collections.Movies.CountDocumentsAsync(Builders<MovieDocument>.Filter.Empty, cancellationToken: cancellationToken);

    public async Task<int> UpsertManyAsync(IEnumerable<Movie> movies, CancellationToken cancellationToken = default)
    {
        var all = movies.ToList();
        foreach (var movie in all)
            StoreValidation.Movie(movie);
        var written = 0;
        var referenceMean = await MongoRatingKeys.ReadReferenceAsync(collections, cancellationToken);
        foreach (var batch in all.Chunk(UpsertBatchSize))
        {
            var writes = batch.Select(movie => new UpdateOneModel<MovieDocument>(MongoQueries.MovieById(movie.MovieId), MongoUpdates.UpsertCatalogue(movie, referenceMean)) { IsUpsert = true });
            // Ordered: when a batch names a movie twice, the later entry wins, as in SQLite.
            await collections.Movies.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
            written += batch.Length;
        }
        logger.LogInformation("Upserted {Count} movies", written);
        return written;
    }

    /// <summary>
    /// The reference mean the rating keys were computed against, refreshed first when the live
    /// mean has drifted from it (<see cref="RatingDamping.ReferenceIsStale"/>). Pages show means
    /// against this reference, so the figures agree with the order.
    /// </summary>
    private async Task<double> CurrentReferenceAsync(CancellationToken cancellationToken)
    {
        var reference = await MongoRatingKeys.ReadReferenceAsync(collections, cancellationToken);
        var liveMean = await MongoRatingKeys.LiveMeanAsync(collections, cancellationToken);
        if (!RatingDamping.ReferenceIsStale(reference, liveMean))
            return reference!.Value;
        var refreshed = await MongoRatingKeys.RefreshAsync(collections, cancellationToken);
        logger.LogInformation("Refreshed the rating order's reference mean to {Mean}", refreshed);
        return refreshed;
    }
}
