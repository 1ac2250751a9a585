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
    /// Movies whose search key contains one of the forms (<see cref="Catalog.SearchText.QueryForms"/>):
    /// for a form of three or more characters, every one of its trigrams must be in searchGrams
    /// (answered from the multikey index movies_search_grams) and the key must contain the form
    /// (an escaped regex, checked on those candidates only); a shorter form is the regex alone.
    /// Folded text holds only letters, digits and spaces; Regex.Escape is kept all the same.
    /// </summary>
    public static FilterDefinition<MovieDocument> SearchKeyContains(IReadOnlyList<string> forms)
    {
        // No forms: text without a letter or digit, which matches nothing.
        if (forms.Count == 0) return Movie.In(d => d.Id, Array.Empty<int>());
        var each = forms.Select(form =>
        {
            var contains = Movie.Regex(d => d.SearchKey, new BsonRegularExpression(Regex.Escape(form)));
            var grams = Catalog.SearchText.Grams(form);
            return grams.Count == 0 ? contains : Movie.And(Movie.All(d => d.SearchGrams, grams), contains);
        }).ToList();
        return each.Count == 1 ? each[0] : Movie.Or(each);
    }

    /// <summary>Movies with the tag, by its folded key (an equality match on an element of tagKeys).</summary>
    public static FilterDefinition<MovieDocument> TagKey(string tagKey) => Movie.AnyEq(d => d.TagKeys, tagKey);

    /// <summary>Movies sharing at least one trigram with a text: the near-title candidates, from movies_search_grams.</summary>
    public static FilterDefinition<MovieDocument> SharingGrams(IReadOnlyList<string> grams) => Movie.AnyIn(d => d.SearchGrams, grams);

    /// <summary>Movies whose search fields were made by an older rule (or none): refilled at open.</summary>
    public static FilterDefinition<MovieDocument> SearchKeysOutdated => Movie.Ne(d => d.SearchVersion, Catalog.SearchText.RuleVersion);

    /// <summary>Movies listing the genre (an equality match on an element of the genres array).</summary>
    public static FilterDefinition<MovieDocument> Genre(string genre) => Movie.AnyEq(d => d.Genres, genre);

    /// <summary>The filter of a movie list: title forms, genre and tag when given, else every movie.</summary>
    public static FilterDefinition<MovieDocument> MovieList(IReadOnlyList<string>? titleForms, string? genre, string? tagKey = null)
    {
        var parts = new List<FilterDefinition<MovieDocument>>();
        if (titleForms is not null)
            parts.Add(SearchKeyContains(titleForms));
        if (genre is not null)
            parts.Add(Genre(genre));
        if (tagKey is not null)
            parts.Add(TagKey(tagKey));
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
