using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>MongoDB has no foreign keys: the check that a person and a movie exist, run before writing a row that names both.</summary>
internal static class MongoReferences
{
    private static readonly CountOptions JustOne = new() { Limit = 1 };

    public static async Task EnsureExistAsync(MongoCollections collections, int userId, int movieId, CancellationToken cancellationToken)
    {
        await EnsureUserExistsAsync(collections, userId, cancellationToken);
        if (await collections.Movies.CountDocumentsAsync(MongoQueries.MovieById(movieId), JustOne, cancellationToken) == 0)
            throw StoreValidation.UnknownMovie(movieId);
    }

    public static async Task EnsureUserExistsAsync(MongoCollections collections, int userId, CancellationToken cancellationToken)
    {
        if (await collections.Users.CountDocumentsAsync(MongoQueries.UserById(userId), JustOne, cancellationToken) == 0)
            throw StoreValidation.UnknownUser(userId);
    }
}
