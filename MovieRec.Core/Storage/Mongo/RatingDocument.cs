using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// A rating in the "ratings" collection: { _id, userId, movieId, value, timestamp }, unique on
/// (userId, movieId). The value is a double in BSON (which has no 32-bit float); half-stars are exact.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class RatingDocument
{
    [BsonId] public ObjectId Id { get; set; }
    [BsonElement("userId")] public int UserId { get; set; }
    [BsonElement("movieId")] public int MovieId { get; set; }
    [BsonElement("value")] public double Value { get; set; }
    [BsonElement("timestamp")] public long Timestamp { get; set; }

    public Rating ToRating() => new(UserId, MovieId, (float)Value, Timestamp);

    public static RatingDocument From(Rating rating) => new()
    {
        Id = ObjectId.GenerateNewId(),
        UserId = rating.UserId,
        MovieId = rating.MovieId,
        Value = rating.Value,
        Timestamp = rating.Timestamp,
    };
}
