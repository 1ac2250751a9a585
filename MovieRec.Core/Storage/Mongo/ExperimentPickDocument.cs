using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// A pick an A/B experiment showed, in the "experimentPicks" collection:
/// { _id, experiment, userId, movieId, arm, shownAt, openedAt?, ratedAt?, rating? } (times in Unix ms),
/// unique on (experiment, userId, movieId). The outcome fields are absent until they happen.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class ExperimentPickDocument
{
    [BsonId] public ObjectId Id { get; set; }
    [BsonElement("experiment")] public string Experiment { get; set; } = "";
    [BsonElement("userId")] public int UserId { get; set; }
    [BsonElement("movieId")] public int MovieId { get; set; }
    [BsonElement("arm")] public string Arm { get; set; } = "";
    [BsonElement("shownAt")] public long ShownAt { get; set; }
    [BsonElement("openedAt"), BsonIgnoreIfNull] public long? OpenedAt { get; set; }
    [BsonElement("ratedAt"), BsonIgnoreIfNull] public long? RatedAt { get; set; }
    [BsonElement("rating"), BsonIgnoreIfNull] public double? Rating { get; set; }
}
