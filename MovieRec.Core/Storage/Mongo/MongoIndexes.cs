using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>The indexes created at start (creating an existing index is a no-op), named so that logs and errors are readable.</summary>
internal static class MongoIndexes
{
    /// <summary>
    /// English rules at strength 2: letters compare without case but with accents, so "Alice" and
    /// "alice" are one name. Name lookups must run with this collation to use the unique index.
    /// </summary>
    public static readonly Collation UsernameCollation = new("en", strength: CollationStrength.Secondary);

    public const string UsernameIndexName = "users_username_ci";

    public static IReadOnlyList<CreateIndexModel<MovieDocument>> Movies()
    {
        var keys = Builders<MovieDocument>.IndexKeys;
        return
        [
            // A multikey index: one entry per genre of each movie.
            new(keys.Ascending(d => d.Genres), new CreateIndexOptions { Name = "movies_genres" }),
            // The list orders, each in its usual direction, with _id as the tie-break.
            new(keys.Descending(d => d.Stats.Count).Ascending(d => d.Id), new CreateIndexOptions { Name = "movies_popularity" }),
            new(keys.Descending(d => d.Year).Ascending(d => d.Id), new CreateIndexOptions { Name = "movies_year" }),
            new(keys.Descending(d => d.RatingKey).Ascending(d => d.Id), new CreateIndexOptions { Name = "movies_rating" }),
            // Also lets an unanchored title regex scan index keys instead of whole documents.
            new(keys.Ascending(d => d.TitleKey).Ascending(d => d.Id), new CreateIndexOptions { Name = "movies_title" }),
            // Multikey: one entry per trigram of the search key (title search and near titles),
            // and one per folded tag (tag search).
            new(keys.Ascending(d => d.SearchGrams), new CreateIndexOptions { Name = "movies_search_grams" }),
            new(keys.Ascending(d => d.TagKeys), new CreateIndexOptions { Name = "movies_tag_keys" }),
        ];
    }

    public static IReadOnlyList<CreateIndexModel<UserDocument>> Users() =>
    [
        new(Builders<UserDocument>.IndexKeys.Ascending(d => d.Username),
            new CreateIndexOptions { Name = UsernameIndexName, Unique = true, Collation = UsernameCollation }),
    ];

    public static IReadOnlyList<CreateIndexModel<RatingDocument>> Ratings()
    {
        var keys = Builders<RatingDocument>.IndexKeys;
        return
        [
            new(keys.Ascending(d => d.UserId).Ascending(d => d.MovieId), new CreateIndexOptions { Name = "ratings_user_movie", Unique = true }),
            new(keys.Ascending(d => d.MovieId), new CreateIndexOptions { Name = "ratings_movie" }),
        ];
    }
}
