using MongoDB.Bson;
using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>Every aggregation pipeline the MongoDB store runs, built in one place so that tests can render each to JSON.</summary>
internal static class MongoPipelines
{
    /// <summary>Computed per page for the ascending year order: 1 when the movie has no year, else 0.</summary>
    public const string YearMissingField = "yearMissing";

    /// <summary>
    /// One page of a movie list: $match, the computed sort key when the order needs one, $sort,
    /// $skip, $limit. The computed field is not in <see cref="MovieDocument"/> and is ignored
    /// when the results are read back.
    /// </summary>
    public static PipelineDefinition<MovieDocument, MovieDocument> MoviePage(FilterDefinition<MovieDocument> filter, MovieQuery query)
    {
        var pipeline = new EmptyPipelineDefinition<MovieDocument>().Match(filter);
        if (query.Sort == MovieSort.Year && !query.IsDescending)
            pipeline = pipeline.AppendStage<MovieDocument, MovieDocument, MovieDocument>(AddYearMissing());
        return pipeline
            .Sort(MongoSorts.MovieList(query.Sort, query.IsDescending))
            .Skip(query.Offset)
            .Limit(query.PageSize);
    }

    /// <summary>Computed by <see cref="NearCandidates"/>: how many of the text's trigrams a movie's key holds.</summary>
    public const string SharedGramsField = "sharedGrams";

    /// <summary>
    /// The movies sharing the most trigrams with a text, most rated first among equals, at most
    /// <paramref name="limit"/>: the candidates <see cref="Catalog.NearTitles"/> ranks. The $match
    /// is answered from movies_search_grams; the count and the sort run over those candidates.
    /// </summary>
    public static PipelineDefinition<MovieDocument, MovieDocument> NearCandidates(IReadOnlyList<string> grams, int limit) =>
        new EmptyPipelineDefinition<MovieDocument>()
            .Match(MongoQueries.SharingGrams(grams))
            .AppendStage<MovieDocument, MovieDocument, MovieDocument>(new BsonDocument("$addFields", new BsonDocument(SharedGramsField,
                new BsonDocument("$size", new BsonDocument("$setIntersection", new BsonArray { "$searchGrams", new BsonArray(grams) })))))
            .Sort(Builders<MovieDocument>.Sort.Descending(SharedGramsField).Descending(d => d.Stats.Count).Ascending(d => d.Id))
            .Limit(limit)
            .Project<MovieDocument, MovieDocument, MovieDocument>(Builders<MovieDocument>.Projection.Include(d => d.Title).Include(d => d.Stats.Count));

    /// <summary>Titles containing the text, most rated first: the first part of the suggestions.</summary>
    public static PipelineDefinition<MovieDocument, MovieDocument> MostRatedMatching(FilterDefinition<MovieDocument> filter, int limit) =>
        new EmptyPipelineDefinition<MovieDocument>()
            .Match(filter)
            .Sort(MongoSorts.MovieList(MovieSort.Popularity, descending: true))
            .Limit(limit);

    /// <summary>The totals of every movie's statistics in one document { count, sum }: the global mean's inputs.</summary>
    public static PipelineDefinition<MovieDocument, BsonDocument> StatisticsTotals() =>
        new EmptyPipelineDefinition<MovieDocument>().AppendStage<MovieDocument, MovieDocument, BsonDocument>(
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", BsonNull.Value },
                { "count", new BsonDocument("$sum", "$stats.count") },
                { "sum", new BsonDocument("$sum", "$stats.sum") },
            }));

    /// <summary>The ratings recounted per movie, { _id: movieId, count, sum }, for reconcile.</summary>
    public static PipelineDefinition<RatingDocument, BsonDocument> RecountByMovie() =>
        new EmptyPipelineDefinition<RatingDocument>().AppendStage<RatingDocument, RatingDocument, BsonDocument>(
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$movieId" },
                { "count", new BsonDocument("$sum", 1) },
                { "sum", new BsonDocument("$sum", "$value") },
            }));

    // $ifNull turns a missing year into null too, so both count as "no year".
    private static BsonDocument AddYearMissing() =>
        new("$addFields", new BsonDocument(YearMissingField, new BsonDocument("$cond", new BsonArray
        {
            new BsonDocument("$eq", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$year", BsonNull.Value }), BsonNull.Value }),
            1,
            0,
        })));
}
