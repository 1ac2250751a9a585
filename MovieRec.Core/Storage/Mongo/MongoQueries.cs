using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// Every filter the MongoDB store sends, built in one place so that tests can render each to
/// JSON and check it. User text only ever reaches a filter as a value or, for title search, as
/// an escaped regular expression.
/// </summary>
internal static class MongoQueries
{
    private static FilterDefinitionBuilder<MovieDocument> Movie => Builders<MovieDocument>.Filter;
    private static FilterDefinitionBuilder<UserDocument> User => Builders<UserDocument>.Filter;
    private static FilterDefinitionBuilder<RatingDocument> RatingFilter => Builders<RatingDocument>.Filter;

    /// <summary>Accounts written before security stamps existed: given one at open.</summary>
    public static FilterDefinition<UserDocument> UsersWithoutSecurityStamp => User.Exists(d => d.SecurityStamp, false);

    /// <summary>The one import marker document.</summary>
    public static FilterDefinition<ImportStateDocument> LastImport =>
        Builders<ImportStateDocument>.Filter.Eq(d => d.Id, ImportStateDocument.LastImport);

    public static FilterDefinition<MovieDocument> AllMovies => Movie.Empty;

    public static FilterDefinition<RatingReferenceDocument> CurrentRatingReference =>
        Builders<RatingReferenceDocument>.Filter.Eq(d => d.Id, RatingReferenceDocument.Current);

    public static FilterDefinition<MovieDocument> MovieById(int movieId) => Movie.Eq(d => d.Id, movieId);

    public static FilterDefinition<MovieDocument> MoviesByIds(IEnumerable<int> movieIds) => Movie.In(d => d.Id, movieIds.Distinct());

    /// <summary>
    /// Titles containing <paramref name="text"/> literally, ignoring case. Regex.Escape turns every
    /// metacharacter into a literal, so "a.*(b" looks for those five characters, not a pattern.
    /// It runs on titleKey, the title lower-cased by .NET as the SQLite store does, so both stores
    /// fold case alike; the "i" option keeps it case-insensitive whatever the server's folding.
    /// </summary>
    public static FilterDefinition<MovieDocument> TitleSearch(string text) =>
        Movie.Regex(d => d.TitleKey, new BsonRegularExpression(Regex.Escape(text.ToLowerInvariant()), "i"));

    /// <summary>Movies listing the genre (an equality match on an element of the genres array).</summary>
    public static FilterDefinition<MovieDocument> Genre(string genre) => Movie.AnyEq(d => d.Genres, genre);

    /// <summary>The filter of a movie list: title text and genre when given, else every movie.</summary>
    public static FilterDefinition<MovieDocument> MovieList(string? titleText, string? genre)
    {
        var parts = new List<FilterDefinition<MovieDocument>>();
        if (titleText is not null)
            parts.Add(TitleSearch(titleText));
        if (genre is not null)
            parts.Add(Genre(genre));
        return parts.Count switch
        {
            0 => Movie.Empty,
            1 => parts[0],
            _ => Movie.And(parts),
        };
    }

    public static FilterDefinition<UserDocument> UserById(int userId) => User.Eq(d => d.Id, userId);

    public static FilterDefinition<UserDocument> UsersByIds(IEnumerable<int> userIds) => User.In(d => d.Id, userIds.Distinct());

    /// <summary>A name lookup; run it with <see cref="MongoIndexes.UsernameCollation"/> so it ignores case and uses the unique index.</summary>
    public static FilterDefinition<UserDocument> UserByName(string username) => User.Eq(d => d.Username, username);

    /// <summary>Several names at once (import checks); run with <see cref="MongoIndexes.UsernameCollation"/>.</summary>
    public static FilterDefinition<UserDocument> UsersByNames(IEnumerable<string> usernames) => User.In(d => d.Username, usernames);

    public static FilterDefinition<UserDocument> AllUsers => User.Empty;

    public static FilterDefinition<RatingDocument> Rating(int userId, int movieId) =>
        RatingFilter.And(RatingFilter.Eq(d => d.UserId, userId), RatingFilter.Eq(d => d.MovieId, movieId));

    public static FilterDefinition<RatingDocument> RatingsOfUser(int userId) => RatingFilter.Eq(d => d.UserId, userId);

    public static FilterDefinition<RatingDocument> AllRatings => RatingFilter.Empty;

    public static FilterDefinition<CounterDocument> Counter(string name) => Builders<CounterDocument>.Filter.Eq(d => d.Id, name);
}
