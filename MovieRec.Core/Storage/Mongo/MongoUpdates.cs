using MongoDB.Bson;
using MongoDB.Driver;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>Every update the MongoDB store sends, built in one place so that tests can render each to JSON.</summary>
internal static class MongoUpdates
{
    private static UpdateDefinitionBuilder<MovieDocument> Movie => Builders<MovieDocument>.Update;
    private static UpdateDefinitionBuilder<UserDocument> User => Builders<UserDocument>.Update;

    /// <summary>
    /// Adds a rating change to a movie's statistics and recomputes its rating key, in one pipeline
    /// update that the server applies to the document atomically: concurrent changes to one movie
    /// add up instead of overwriting each other. The second stage reads the sums the first set,
    /// and the movie's own ratingKeyMean (see <see cref="MongoRatingKeys"/>).
    /// </summary>
    public static UpdateDefinition<MovieDocument> ApplyRatingDelta(int countDelta, double sumDelta) =>
        new PipelineUpdateDefinition<MovieDocument>(new BsonDocument[]
        {
            new("$set", new BsonDocument
            {
                { "stats.count", new BsonDocument("$add", new BsonArray { "$stats.count", countDelta }) },
                { "stats.sum", new BsonDocument("$add", new BsonArray { "$stats.sum", sumDelta }) },
            }),
            new("$set", new BsonDocument(MovieDocument.RatingKeyField, RatingKey("$" + MovieDocument.RatingKeyMeanField))),
        });

    /// <summary>Every movie's key recomputed against a new reference mean, which each movie records.</summary>
    public static UpdateDefinition<MovieDocument> RefreshRatingKey(double referenceMean) =>
        new PipelineUpdateDefinition<MovieDocument>(new BsonDocument[]
        {
            new("$set", new BsonDocument
            {
                { MovieDocument.RatingKeyMeanField, referenceMean },
                { MovieDocument.RatingKeyField, RatingKey(referenceMean) },
            }),
        });

    public static UpdateDefinition<RatingReferenceDocument> SetRatingReference(double mean) =>
        Builders<RatingReferenceDocument>.Update.Set(d => d.Mean, mean);

    /// <summary>
    /// <see cref="RatingDamping.DampedMean"/> as a server expression, in the same operations so the
    /// stored double equals the one a page computes: (stats.sum + m * mean) / (stats.count + m).
    /// A missing mean (no refresh yet) gives a null key, which the next refresh fills.
    /// </summary>
    private static BsonDocument RatingKey(BsonValue mean) =>
        new("$divide", new BsonArray
        {
            new BsonDocument("$add", new BsonArray { "$stats.sum", new BsonDocument("$multiply", new BsonArray { RatingDamping.PriorWeight, mean }) }),
            new BsonDocument("$add", new BsonArray { "$stats.count", RatingDamping.PriorWeight }),
        });

    /// <summary>Overwrites the statistics with a recount (reconcile only).</summary>
    public static UpdateDefinition<MovieDocument> SetStatistics(int count, double sum) =>
        Movie.Set(d => d.Stats.Count, count).Set(d => d.Stats.Sum, sum);

    /// <summary>
    /// Writes a movie's catalogue fields, creating the movie when missing. The statistics, and the
    /// rating key of no ratings against the current reference (null before the first refresh), are
    /// set only on insert: re-importing a catalogue must not reset the counts of rated movies.
    /// </summary>
    public static UpdateDefinition<MovieDocument> UpsertCatalogue(Movie movie, double? referenceMean) => Movie.Combine(Movie
        .Set(d => d.Title, movie.Title)
        .Set(d => d.TitleKey, movie.Title.ToLowerInvariant())
        .Set(d => d.Year, movie.Year)
        .Set(d => d.Genres, movie.Genres.ToList())
        .Set(d => d.Tags, movie.Tags.ToList())
        .Set(d => d.ImdbId, movie.ImdbId)
        .Set(d => d.TmdbId, movie.TmdbId)
        .SetOnInsert(d => d.Stats, new MovieStatsDocument())
        .SetOnInsert(d => d.RatingKeyMean, referenceMean)
        .SetOnInsert(d => d.RatingKey, referenceMean is { } mean ? RatingDamping.DampedMean(0, 0, mean) : null),
        SetSearchKeys(movie.Title, movie.Tags));

    /// <summary>The search fields of a movie (see <see cref="MovieDocument"/>), from its title and tags by <see cref="SearchText"/>.</summary>
    public static UpdateDefinition<MovieDocument> SetSearchKeys(string title, IEnumerable<string> tags)
    {
        var key = SearchText.TitleKey(title);
        return Movie
            .Set(d => d.SearchKey, key)
            .Set(d => d.SearchGrams, SearchText.Grams(key).ToList())
            .Set(d => d.TagKeys, tags.Select(SearchText.TagKey).Distinct().ToList())
            .Set(d => d.SearchVersion, SearchText.RuleVersion);
    }

    /// <summary>
    /// A rating's new value and time. Used with upsert on the (userId, movieId) filter: when the
    /// rating is new, the server copies userId and movieId from the filter into the document.
    /// </summary>
    public static UpdateDefinition<RatingDocument> SetRating(float value, long timestamp) =>
        Builders<RatingDocument>.Update.Set(d => d.Value, (double)value).Set(d => d.Timestamp, timestamp);

    /// <summary>Every change that ends sessions sets a fresh security stamp in the same update.</summary>
    public static UpdateDefinition<UserDocument> SetPasswordHash(string? passwordHash, string stamp) =>
        User.Set(d => d.PasswordHash, passwordHash).Set(d => d.SecurityStamp, stamp);

    public static UpdateDefinition<UserDocument> GrantRole(string role, string stamp) =>
        User.AddToSet(d => d.Roles, role).Set(d => d.SecurityStamp, stamp);

    public static UpdateDefinition<UserDocument> RevokeRole(string role, string stamp) =>
        User.Pull(d => d.Roles, role).Set(d => d.SecurityStamp, stamp);

    public static UpdateDefinition<UserDocument> RenewSecurityStamp(string stamp) => User.Set(d => d.SecurityStamp, stamp);

    public static UpdateDefinition<UserDocument> CountFailedLogin() => User.Inc(d => d.FailedLoginCount, 1);

    public static UpdateDefinition<UserDocument> ResetFailedLogins() =>
        User.Set(d => d.FailedLoginCount, 0).Set(d => d.LockoutEnd, null);

    /// <summary>Unlocking (null) keeps the stamp; locking renews it, which ends the account's sessions.</summary>
    public static UpdateDefinition<UserDocument> SetLockoutEnd(DateTimeOffset? lockoutEnd, string stamp) => lockoutEnd is null
        ? User.Set(d => d.LockoutEnd, null)
        : User.Set(d => d.LockoutEnd, lockoutEnd.Value.UtcDateTime).Set(d => d.SecurityStamp, stamp);

    /// <summary>Starts an import's marker afresh (used with upsert): not complete until <see cref="CompleteImport"/>.</summary>
    public static UpdateDefinition<ImportStateDocument> BeginImport(string dataset, DateTime now) => Builders<ImportStateDocument>.Update
        .Set(d => d.Dataset, dataset).Set(d => d.StartedAt, now).Set(d => d.CompletedAt, null);

    public static UpdateDefinition<ImportStateDocument> CompleteImport(DateTime now) =>
        Builders<ImportStateDocument>.Update.Set(d => d.CompletedAt, now);

    /// <summary>Hands out the next value of a counter: $inc by one (with upsert, a missing counter starts at 1).</summary>
    public static UpdateDefinition<CounterDocument> NextCounterValue() => Builders<CounterDocument>.Update.Inc(d => d.Value, 1);

    /// <summary>Lifts a counter to at least <paramref name="floor"/> with $max, never lowering it.</summary>
    public static UpdateDefinition<CounterDocument> RaiseCounterTo(int floor) => Builders<CounterDocument>.Update.Max(d => d.Value, floor);
}
