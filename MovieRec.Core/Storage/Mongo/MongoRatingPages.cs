using MongoDB.Bson;
using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// The aggregation behind one page of a person's ratings: their ratings (value bounds applied on
/// the ratings collection, where the (userId, movieId) index serves the user match), each joined
/// to its movie's title key and genres, the genre filter, then one $facet that both counts the
/// matches and cuts the page, so the count and the page come from one read.
/// The answer is one document { total: [{ n }], page: [rating documents] }.
/// </summary>
internal static class MongoRatingPages
{
    public const string MovieField = "movie";
    public const string TotalField = "total";
    public const string PageField = "page";

    public static PipelineDefinition<RatingDocument, BsonDocument> Page(RatingQuery query, string? genre)
    {
        var match = new BsonDocument("userId", query.UserId);
        var value = new BsonDocument();
        if (query.MinValue is { } min) value.Add("$gte", (double)min);
        if (query.MaxValue is { } max) value.Add("$lte", (double)max);
        if (value.ElementCount > 0) match.Add("value", value);

        var stages = new List<BsonDocument>
        {
            new("$match", match),
            // Only the two fields the filter and the title order read are brought over.
            new("$lookup", new BsonDocument
            {
                { "from", MongoCollections.MoviesName },
                { "localField", "movieId" },
                { "foreignField", "_id" },
                { "pipeline", new BsonArray { new BsonDocument("$project", new BsonDocument { { "_id", 0 }, { "titleKey", 1 }, { "genres", 1 } }) } },
                { "as", MovieField },
            }),
            // A rating whose movie is gone has an empty array here and is dropped, as the SQLite join does.
            new("$unwind", "$" + MovieField),
        };
        if (genre is not null)
            stages.Add(new("$match", new BsonDocument(MovieField + ".genres", genre)));
        stages.Add(new("$facet", new BsonDocument
        {
            { TotalField, new BsonArray { new BsonDocument("$count", "n") } },
            { PageField, new BsonArray
                {
                    new BsonDocument("$sort", Order(query.Order)),
                    new BsonDocument("$skip", (int)query.Offset),
                    new BsonDocument("$limit", query.PageSize),
                    new BsonDocument("$project", new BsonDocument(MovieField, 0)),
                }
            },
        }));
        return PipelineDefinition<RatingDocument, BsonDocument>.Create(stages);
    }

    /// <summary>The same orders as the SQLite store's, ties ending on the movie id.</summary>
    public static BsonDocument Order(RatingOrder order) => order switch
    {
        RatingOrder.Newest => new() { { "timestamp", -1 }, { "movieId", 1 } },
        RatingOrder.Oldest => new() { { "timestamp", 1 }, { "movieId", 1 } },
        RatingOrder.Highest => new() { { "value", -1 }, { "timestamp", -1 }, { "movieId", 1 } },
        RatingOrder.Lowest => new() { { "value", 1 }, { "timestamp", -1 }, { "movieId", 1 } },
        RatingOrder.Title => new() { { MovieField + ".titleKey", 1 }, { "movieId", 1 } },
        _ => throw new StoreValidationException("Unknown sort order."),
    };
}
