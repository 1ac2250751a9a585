using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>The import marker in the "imports" collection: one document { _id: "last", dataset, startedAt, completedAt }.</summary>
[BsonIgnoreExtraElements]
internal sealed class ImportStateDocument
{
    public const string LastImport = "last";

    [BsonId] public string Id { get; set; } = LastImport;
    [BsonElement("dataset")] public string Dataset { get; set; } = "";
    [BsonElement("startedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime StartedAt { get; set; }
    [BsonElement("completedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime? CompletedAt { get; set; }

    public ImportState ToState() => new(
        Dataset,
        new DateTimeOffset(StartedAt, TimeSpan.Zero),
        CompletedAt is { } done ? new DateTimeOffset(done, TimeSpan.Zero) : null);
}
