using MongoDB.Bson;
using MovieRec.Core.Catalog;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The updates the MongoDB store sends, rendered to BSON; number types are checked too (4.0 is a double, 1 an int).</summary>
public sealed class MongoUpdatesRenderTests
{
    [Fact]
    public void RatingDelta_AddsToCountAndSum_ThenRecomputesTheKeyAgainstTheMoviesOwnReference()
    {
        const string key = "{ $set: { ratingKey: { $divide: [ { $add: ['$stats.sum', { $multiply: [10, '$ratingKeyMean'] }] }, { $add: ['$stats.count', 10] } ] } } }";
        Assert.Equal(
            new BsonArray { Json("{ $set: { 'stats.count': { $add: ['$stats.count', 1] }, 'stats.sum': { $add: ['$stats.sum', 4.0] } } }"), Json(key) },
            UpdatePipeline(MongoUpdates.ApplyRatingDelta(1, 4.0)));
        Assert.Equal(
            new BsonArray { Json("{ $set: { 'stats.count': { $add: ['$stats.count', 0] }, 'stats.sum': { $add: ['$stats.sum', -1.5] } } }"), Json(key) },
            UpdatePipeline(MongoUpdates.ApplyRatingDelta(0, -1.5)));
        Assert.Equal(
            new BsonArray { Json("{ $set: { 'stats.count': { $add: ['$stats.count', -1] }, 'stats.sum': { $add: ['$stats.sum', -3.5] } } }"), Json(key) },
            UpdatePipeline(MongoUpdates.ApplyRatingDelta(-1, -3.5)));
    }

    [Fact]
    public void RatingKeyRefresh_RecordsTheNewReferenceAndRecomputesEveryKeyAgainstIt()
    {
        Assert.Equal(
            new BsonArray
            {
                Json("""
                    { $set: { ratingKeyMean: 3.5,
                              ratingKey: { $divide: [ { $add: ['$stats.sum', { $multiply: [10, 3.5] }] }, { $add: ['$stats.count', 10] } ] } } }
                    """),
            },
            UpdatePipeline(MongoUpdates.RefreshRatingKey(3.5)));
        Assert.Equal(Json("{ $set: { mean: 3.25 } }"), Update(MongoUpdates.SetRatingReference(3.25)));
        Assert.Equal(Json("{ _id: 'current' }"), Filter(MongoQueries.CurrentRatingReference));
        Assert.Equal(Json("{ }"), Filter(MongoQueries.AllMovies));
    }

    [Fact]
    public void Reconcile_SetsTheRecountedStatistics()
    {
        Assert.Equal(Json("{ $set: { 'stats.count': 2, 'stats.sum': 6.5 } }"), Update(MongoUpdates.SetStatistics(2, 6.5)));
    }

    [Fact]
    public void CatalogueUpsert_SetsTheMovieFieldsAndCreatesStatisticsAndRatingKeyOnlyOnInsert()
    {
        var movie = new Movie(1, "Toy Story (1995)", 1995, ["Animation", "Comedy"]) { Tags = ["pixar"], ImdbId = "0114709", TmdbId = 862 };

        Assert.Equal(
            Json("""
                { $set: { title: 'Toy Story (1995)', titleKey: 'toy story (1995)', year: 1995, genres: ['Animation', 'Comedy'],
                          tags: ['pixar'], imdbId: '0114709', tmdbId: 862,
                          searchKey: ' toy story ', searchGrams: [' to', 'toy', 'oy ', 'y s', ' st', 'sto', 'tor', 'ory', 'ry '],
                          tagKeys: ['pixar'], searchVersion: 1 },
                  $setOnInsert: { stats: { count: 0, sum: 0.0 }, ratingKeyMean: 3.5, ratingKey: 3.5 } }
                """),
            Update(MongoUpdates.UpsertCatalogue(movie, referenceMean: 3.5)));
        Assert.Equal(
            Json("""
                { $set: { title: 'X', titleKey: 'x', year: null, genres: [], tags: [], imdbId: null, tmdbId: null,
                          searchKey: ' x ', searchGrams: [' x '], tagKeys: [], searchVersion: 1 },
                  $setOnInsert: { stats: { count: 0, sum: 0.0 }, ratingKeyMean: null, ratingKey: null } }
                """),
            Update(MongoUpdates.UpsertCatalogue(new Movie(2, "X", null, []), referenceMean: null)));
    }

    [Fact]
    public void SearchKeys_AreTheFoldedTitleItsTrigramsAndTheFoldedTagsOnce()
    {
        Assert.Equal(
            Json("""
                { $set: { searchKey: ' the up ', searchGrams: [' th', 'the', 'he ', 'e u', ' up', 'up '],
                          tagKeys: ['dark comedy', 'amelie'], searchVersion: 1 } }
                """),
            Update(MongoUpdates.SetSearchKeys("Up, The (2009)", ["Dark Comedy", "dark-comedy", "Amélie"])));
        // Movies from before search, or keyed by an older rule, are refilled at open.
        Assert.Equal(Json("{ searchVersion: { $ne: 1 } }"), Filter(MongoQueries.SearchKeysOutdated));
    }

    [Fact]
    public void RatingWrite_SetsValueAsDoubleAndTimestampAsLong()
    {
        Assert.Equal(Json("{ $set: { value: 3.5, timestamp: NumberLong(1700000000) } }"), Update(MongoUpdates.SetRating(3.5f, 1_700_000_000)));
        Assert.Equal(Json("{ $set: { value: 4.0, timestamp: NumberLong(0) } }"), Update(MongoUpdates.SetRating(4f, 0)));
    }

    [Fact]
    public void AccountUpdates_TouchOnlyTheirFields()
    {
        var lockoutEnd = new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2));

        Assert.Equal(Json("{ $set: { passwordHash: 'h', securityStamp: 's1' } }"), Update(MongoUpdates.SetPasswordHash("h", "s1")));
        Assert.Equal(Json("{ $set: { passwordHash: null, securityStamp: 's2' } }"), Update(MongoUpdates.SetPasswordHash(null, "s2")));
        Assert.Equal(Json("{ $addToSet: { roles: 'admin' }, $set: { securityStamp: 's3' } }"), Update(MongoUpdates.GrantRole("admin", "s3")));
        Assert.Equal(Json("{ $inc: { failedLoginCount: 1 } }"), Update(MongoUpdates.CountFailedLogin()));
        Assert.Equal(Json("{ $set: { failedLoginCount: 0, lockoutEnd: null } }"), Update(MongoUpdates.ResetFailedLogins()));
        Assert.Equal(Json("{ $set: { lockoutEnd: ISODate('2030-01-02T01:04:05.678Z'), securityStamp: 's4' } }"), Update(MongoUpdates.SetLockoutEnd(lockoutEnd, "s4")));
        Assert.Equal(Json("{ $set: { lockoutEnd: null } }"), Update(MongoUpdates.SetLockoutEnd(null, "unused")));
    }

    [Fact]
    public void SessionEndingUpdates_RenewTheSecurityStamp()
    {
        Assert.Equal(Json("{ $pull: { roles: 'admin' }, $set: { securityStamp: 's5' } }"), Update(MongoUpdates.RevokeRole("admin", "s5")));
        Assert.Equal(Json("{ $set: { securityStamp: 's6' } }"), Update(MongoUpdates.RenewSecurityStamp("s6")));
    }

    [Fact]
    public void UserIdCounter_IncrementsByOneAndIsLiftedWithMax()
    {
        Assert.Equal(Json("{ $inc: { value: 1 } }"), Update(MongoUpdates.NextCounterValue()));
        Assert.Equal(Json("{ $max: { value: 610 } }"), Update(MongoUpdates.RaiseCounterTo(610)));
    }
}
