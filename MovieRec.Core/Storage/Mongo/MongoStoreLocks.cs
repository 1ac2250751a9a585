using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// Leases as documents of "locks", keyed by name. Taking one is one findOneAndUpdate with upsert
/// whose filter matches only the holder's own or an expired lease: single-document atomicity
/// decides between racing instances, and the loser's insert fails on the unique _id.
/// </summary>
internal sealed class MongoStoreLocks(MongoCollections collections) : IStoreLocks
{
    public async Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Check(name, holder);
        try
        {
            await collections.Locks.UpdateOneAsync(
                MongoRetrainDefinitions.LockTakeable(name, holder, MongoTimes.ToBson(now)),
                MongoRetrainDefinitions.TakeLock(holder, MongoTimes.ToBson(now), MongoTimes.ToBson(now + lease)),
                new UpdateOptions { IsUpsert = true }, cancellationToken);
            return true;
        }
        catch (MongoException error) when (MongoErrors.IsDuplicateKey(error))
        {
            return false;
        }
    }

    public async Task<bool> RenewAsync(string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Check(name, holder);
        var result = await collections.Locks.UpdateOneAsync(MongoRetrainDefinitions.LockHeldBy(name, holder),
            MongoRetrainDefinitions.ExtendLock(MongoTimes.ToBson(now + lease)), cancellationToken: cancellationToken);
        return result.MatchedCount > 0;
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        Check(name, holder);
        return collections.Locks.DeleteOneAsync(MongoRetrainDefinitions.LockHeldBy(name, holder), cancellationToken);
    }

    public async Task<StoreLock?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var document = await collections.Locks.Find(MongoRetrainDefinitions.Lock(name)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToLock();
    }

    private static void Check(string name, string holder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
    }
}
