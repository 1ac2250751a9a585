using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>One person's version in the "personVersions" collection: { _id: userId, version } (see <see cref="IPersonVersions"/>).</summary>
[BsonIgnoreExtraElements]
internal sealed class PersonVersionDocument
{
    [BsonId] public int UserId { get; set; }
    [BsonElement("version")] public long Version { get; set; }
}
