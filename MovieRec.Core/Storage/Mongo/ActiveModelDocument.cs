using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>The active model version in the "activeModel" collection: one document { _id: 1, version, activatedAt (Unix ms) }.</summary>
[BsonIgnoreExtraElements]
internal sealed class ActiveModelDocument
{
    public const int SingletonId = 1;

    [BsonId] public int Id { get; set; } = SingletonId;
    [BsonElement("version")] public string Version { get; set; } = "";
    [BsonElement("activatedAt")] public long ActivatedAt { get; set; }
}
