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
