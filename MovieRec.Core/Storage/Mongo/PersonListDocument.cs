using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// One movie on a person's list in the "personLists" collection:
/// { _id, userId, list: "hidden" | "watchlist", movieId, addedAt (Unix ms) }, unique on (userId, list, movieId).
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class PersonListDocument
{
    [BsonId] public ObjectId Id { get; set; }
    [BsonElement("userId")] public int UserId { get; set; }
    [BsonElement("list")] public string List { get; set; } = "";
    [BsonElement("movieId")] public int MovieId { get; set; }
    [BsonElement("addedAt")] public long AddedAt { get; set; }
}
