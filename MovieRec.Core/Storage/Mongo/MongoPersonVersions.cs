using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// Each person's version in the "personVersions" collection. There are no multi-document
/// transactions here, so the stores bump it after their write has been acknowledged: a reader that
/// sees the new version then reads the new data. A crash between the write and the bump leaves the
/// old version until the person's next write (a server's copy also expires on its own; see the web
/// app's PersonStates).
/// </summary>
internal sealed class MongoPersonVersions(MongoCollections collections) : IPersonVersions
{
    private static readonly UpdateOptions Upsert = new() { IsUpsert = true };

    public async Task<long> GetAsync(int userId, CancellationToken cancellationToken = default) =>
        await collections.PersonVersions.Find(MongoPersonVersionDefinitions.OfPerson(userId))
            .Project(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Called by the stores after each write of a person's ratings, lists or settings.</summary>
    public static Task BumpAsync(MongoCollections collections, int userId, CancellationToken cancellationToken) =>
        collections.PersonVersions.UpdateOneAsync(MongoPersonVersionDefinitions.OfPerson(userId), MongoPersonVersionDefinitions.Bump, Upsert, cancellationToken);

    /// <summary>The same for everyone an import batch gave ratings, in one bulk write.</summary>
    public static async Task BumpAllAsync(MongoCollections collections, IReadOnlyCollection<int> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0) return;
        await collections.PersonVersions.BulkWriteAsync(MongoPersonVersionDefinitions.BumpEach(userIds), new BulkWriteOptions { IsOrdered = false }, cancellationToken);
    }
}
