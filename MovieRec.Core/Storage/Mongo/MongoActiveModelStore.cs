using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>The active model version in the "activeModel" collection: one document, upserted in one write.</summary>
internal sealed class MongoActiveModelStore(MongoCollections collections, TimeProvider clock) : IActiveModelStore
{
    public async Task<ActiveModelVersion?> GetAsync(CancellationToken cancellationToken = default)
    {
        var document = await collections.ActiveModel.Find(MongoModelDefinitions.ActiveModel).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : new ActiveModelVersion(document.Version, DateTimeOffset.FromUnixTimeMilliseconds(document.ActivatedAt));
    }

    public Task SetAsync(string version, CancellationToken cancellationToken = default) =>
        collections.ActiveModel.UpdateOneAsync(MongoModelDefinitions.ActiveModel,
            MongoModelDefinitions.Activate(version, clock.GetUtcNow().ToUnixTimeMilliseconds()),
            new UpdateOptions { IsUpsert = true }, cancellationToken);
}
