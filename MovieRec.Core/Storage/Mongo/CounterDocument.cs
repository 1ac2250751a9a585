using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>A named counter in the "counters" collection: { _id: "userId", value: the last id handed out }.</summary>
[BsonIgnoreExtraElements]
internal sealed class CounterDocument
{
    public const string UserIdCounter = "userId";

    [BsonId] public string Id { get; set; } = "";
    [BsonElement("value")] public int Value { get; set; }
}
