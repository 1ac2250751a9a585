using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>Hidden movies and watch-lists in the "personLists" collection, one document per entry.</summary>
internal sealed class MongoPersonListStore(MongoCollections collections, TimeProvider clock) : IPersonListStore
{
    private static readonly UpdateOptions Upsert = new() { IsUpsert = true };

    public async Task<bool> AddAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default)
    {
        await MongoReferences.EnsureExistAsync(collections, userId, movieId, cancellationToken);
        try
        {
            var result = await collections.PersonLists.UpdateOneAsync(
                MongoPersonListDefinitions.Entry(userId, list, movieId),
                MongoPersonListDefinitions.AddedAt(clock.GetUtcNow().ToUnixTimeMilliseconds()),
                Upsert, cancellationToken);
            if (result.UpsertedId is null) return false;
        }
        catch (MongoException error) when (MongoErrors.IsDuplicateKey(error))
        {
            // Two adds of the same entry raced and the other insert won: it is on the list.
            return false;
        }
        await MongoPersonVersions.BumpAsync(collections, userId, cancellationToken);
        return true;
    }

    public async Task<bool> RemoveAsync(int userId, PersonList list, int movieId, CancellationToken cancellationToken = default)
    {
        var result = await collections.PersonLists.DeleteOneAsync(MongoPersonListDefinitions.Entry(userId, list, movieId), cancellationToken);
        if (result.DeletedCount != 1) return false;
        await MongoPersonVersions.BumpAsync(collections, userId, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<int>> ListAsync(int userId, PersonList list, CancellationToken cancellationToken = default) =>
        await collections.PersonLists.Find(MongoPersonListDefinitions.ListOf(userId, list))
            .Sort(MongoPersonListDefinitions.NewestFirst)
            .Project(d => d.MovieId)
            .ToListAsync(cancellationToken);
}
