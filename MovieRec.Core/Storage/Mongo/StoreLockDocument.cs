using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>A held lease in the "locks" collection: { _id: name, holder, acquiredAt, expiresAt }; released leases are deleted.</summary>
[BsonIgnoreExtraElements]
internal sealed class StoreLockDocument
{
    [BsonId] public string Name { get; set; } = "";
    [BsonElement("holder")] public string Holder { get; set; } = "";
    [BsonElement("acquiredAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime AcquiredAt { get; set; }
    [BsonElement("expiresAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime ExpiresAt { get; set; }

    public StoreLock ToLock() => new(Name, Holder, new DateTimeOffset(AcquiredAt, TimeSpan.Zero), new DateTimeOffset(ExpiresAt, TimeSpan.Zero));
}
