using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// Every filter, update, sort and index the person-list store sends, in one place so that tests
/// render each to BSON (as <see cref="MongoQueries"/> does for the other collections).
/// </summary>
internal static class MongoPersonListDefinitions
{
    private static FilterDefinitionBuilder<PersonListDocument> Filter => Builders<PersonListDocument>.Filter;

    public static FilterDefinition<PersonListDocument> Entry(int userId, PersonList list, int movieId) =>
        Filter.And(Filter.Eq(d => d.UserId, userId), Filter.Eq(d => d.List, PersonListNames.Of(list)), Filter.Eq(d => d.MovieId, movieId));

    public static FilterDefinition<PersonListDocument> ListOf(int userId, PersonList list) =>
        Filter.And(Filter.Eq(d => d.UserId, userId), Filter.Eq(d => d.List, PersonListNames.Of(list)));

    /// <summary>
    /// Used with upsert on <see cref="Entry"/>: a new entry gets userId, list and movieId from the
    /// filter and the time here; an entry already there is left as it is (its first time stays).
    /// </summary>
    public static UpdateDefinition<PersonListDocument> AddedAt(long addedAtMs) =>
        Builders<PersonListDocument>.Update.SetOnInsert(d => d.AddedAt, addedAtMs);

    public static SortDefinition<PersonListDocument> NewestFirst =>
        Builders<PersonListDocument>.Sort.Descending(d => d.AddedAt).Ascending(d => d.MovieId);

    public static IReadOnlyList<CreateIndexModel<PersonListDocument>> Indexes()
    {
        var keys = Builders<PersonListDocument>.IndexKeys;
        return
        [
            new(keys.Ascending(d => d.UserId).Ascending(d => d.List).Ascending(d => d.MovieId),
                new CreateIndexOptions { Name = "personLists_user_list_movie", Unique = true }),
            // Serves a person's list newest first without an in-memory sort.
            new(keys.Ascending(d => d.UserId).Ascending(d => d.List).Descending(d => d.AddedAt).Ascending(d => d.MovieId),
                new CreateIndexOptions { Name = "personLists_user_list_newest" }),
        ];
    }
}
