using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// A user in the "users" collection: { _id: userId, username, passwordHash, roles, failedLoginCount,
/// lockoutEnd, createdAt, securityStamp }. The name is unique through an index with a case-insensitive collation.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class UserDocument
{
    [BsonId] public int Id { get; set; }
    [BsonElement("username")] public string Username { get; set; } = "";
    [BsonElement("passwordHash")] public string? PasswordHash { get; set; }
    [BsonElement("roles")] public List<string> Roles { get; set; } = [];
    [BsonElement("failedLoginCount")] public int FailedLoginCount { get; set; }
    [BsonElement("lockoutEnd"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime? LockoutEnd { get; set; }
    [BsonElement("createdAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime CreatedAt { get; set; }
    // Documents written before revocable sessions have none until the store's next open gives them one.
    [BsonElement("securityStamp")] public string? SecurityStamp { get; set; }

    public UserAccount ToAccount() => new(
        Id,
        Username,
        PasswordHash,
        Roles.Order(StringComparer.Ordinal).ToArray(),
        FailedLoginCount,
        LockoutEnd is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : null,
        new DateTimeOffset(CreatedAt, TimeSpan.Zero),
        SecurityStamp ?? "");
}
