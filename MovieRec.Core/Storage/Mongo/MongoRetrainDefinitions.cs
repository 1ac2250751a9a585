using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// Every filter, update, sort and index of the leases, the rating-write count and the retrain runs,
/// in one place so that tests render each to BSON.
/// </summary>
internal static class MongoRetrainDefinitions
{
    private static FilterDefinitionBuilder<StoreLockDocument> LockFilter => Builders<StoreLockDocument>.Filter;

    public static FilterDefinition<StoreLockDocument> Lock(string name) => LockFilter.Eq(d => d.Name, name);

    public static FilterDefinition<StoreLockDocument> LockHeldBy(string name, string holder) =>
        LockFilter.And(LockFilter.Eq(d => d.Name, name), LockFilter.Eq(d => d.Holder, holder));

    /// <summary>
    /// What an acquire may overwrite: the holder's own lease or an expired one. Used with upsert:
    /// when the lease exists and matches neither, the upsert's insert collides on _id (duplicate
    /// key), which is the answer "held by another".
    /// </summary>
    public static FilterDefinition<StoreLockDocument> LockTakeable(string name, string holder, DateTime now) =>
        LockFilter.And(LockFilter.Eq(d => d.Name, name),
            LockFilter.Or(LockFilter.Eq(d => d.Holder, holder), LockFilter.Lte(d => d.ExpiresAt, now)));

    public static UpdateDefinition<StoreLockDocument> TakeLock(string holder, DateTime now, DateTime expiresAt) =>
        Builders<StoreLockDocument>.Update.Set(d => d.Holder, holder).Set(d => d.AcquiredAt, now).Set(d => d.ExpiresAt, expiresAt);

    public static UpdateDefinition<StoreLockDocument> ExtendLock(DateTime expiresAt) =>
        Builders<StoreLockDocument>.Update.Set(d => d.ExpiresAt, expiresAt);

    public static FilterDefinition<WriteCounterDocument> RatingWrites =>
        Builders<WriteCounterDocument>.Filter.Eq(d => d.Id, WriteCounterDocument.RatingWrites);

    /// <summary>Used with upsert: the first write creates the counter at 1. A 64-bit increment, so the stored type stays Int64.</summary>
    public static UpdateDefinition<WriteCounterDocument> CountRatingWrite =>
        Builders<WriteCounterDocument>.Update.Inc(d => d.Value, 1L);

    public static FilterDefinition<RetrainRunDocument> AllRuns => Builders<RetrainRunDocument>.Filter.Empty;

    public static SortDefinition<RetrainRunDocument> NewestRunFirst =>
        Builders<RetrainRunDocument>.Sort.Descending(d => d.StartedAt).Descending(d => d.Id);

    public static IReadOnlyList<CreateIndexModel<RetrainRunDocument>> Indexes() =>
    [
        new(Builders<RetrainRunDocument>.IndexKeys.Descending(d => d.StartedAt).Descending(d => d.Id),
            new CreateIndexOptions { Name = "retrainRuns_newest" }),
    ];
}
