using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// New user ids from the "counters" collection. The counter holds the last id handed out; it is
/// lifted with $max to the highest stored id at start and after every import, so a registered
/// user always gets an id above every dataset user.
/// </summary>
internal sealed class MongoUserIds(MongoCollections collections)
{
    public async Task<int> NextAsync(CancellationToken cancellationToken)
    {
        var counter = await collections.Counters.FindOneAndUpdateAsync(
            MongoQueries.Counter(CounterDocument.UserIdCounter),
            MongoUpdates.NextCounterValue(),
            new FindOneAndUpdateOptions<CounterDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return counter.Value;
    }

    /// <summary>Makes sure the counter is at least the highest user id stored.</summary>
    public async Task RaiseAboveStoredUsersAsync(CancellationToken cancellationToken)
    {
        var highest = await collections.Users.Find(MongoQueries.AllUsers)
            .Sort(MongoSorts.UsersByIdDescending)
            .Limit(1)
            .FirstOrDefaultAsync(cancellationToken);
        await collections.Counters.UpdateOneAsync(
            MongoQueries.Counter(CounterDocument.UserIdCounter),
            MongoUpdates.RaiseCounterTo(highest?.Id ?? 0),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);
    }
}
