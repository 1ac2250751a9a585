using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>A 64-bit count in the "counters" collection: { _id: "ratingWrites", value } (see <see cref="IRetrainLog.RatingWritesAsync"/>).</summary>
[BsonIgnoreExtraElements]
internal sealed class WriteCounterDocument
{
    public const string RatingWrites = "ratingWrites";

    [BsonId] public string Id { get; set; } = "";
    [BsonElement("value")] public long Value { get; set; }
}
