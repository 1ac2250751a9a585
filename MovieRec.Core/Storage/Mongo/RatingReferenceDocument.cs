using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// The rating order's reference mean in the "ratingReference" collection: one document
/// { _id: "current", mean }, the mean the movies' ratingKey fields were last refreshed against.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class RatingReferenceDocument
{
    public const string Current = "current";

    [BsonId] public string Id { get; set; } = Current;
    [BsonElement("mean")] public double Mean { get; set; }
}
