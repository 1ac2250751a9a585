using MongoDB.Bson;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The leases', the rating-write count's and the retrain runs' definitions, rendered to the BSON the server receives.</summary>
public sealed class MongoRetrainRenderTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, 250, DateTimeKind.Utc);

    [Fact]
    public void TakingALease_MatchesOnlyTheHoldersOwnOrAnExpiredOne_AndSetsHolderAndTimes()
    {
        Assert.Equal(
            Json("{ _id: 'retrain', $or: [ { holder: 'host-a' }, { expiresAt: { $lte: ISODate('2026-12-01T02:00:00.250Z') } } ] }"),
            Filter(MongoRetrainDefinitions.LockTakeable("retrain", "host-a", Now)));
        Assert.Equal(
            Json("{ $set: { holder: 'host-a', acquiredAt: ISODate('2026-12-01T02:00:00.250Z'), expiresAt: ISODate('2026-12-01T02:02:00.250Z') } }"),
            Update(MongoRetrainDefinitions.TakeLock("host-a", Now, Now.AddMinutes(2))));
    }

    [Fact]
    public void RenewingAndReleasing_TouchOnlyTheHoldersLease()
    {
        Assert.Equal(Json("{ _id: 'retrain', holder: 'host-a' }"), Filter(MongoRetrainDefinitions.LockHeldBy("retrain", "host-a")));
        Assert.Equal(Json("{ $set: { expiresAt: ISODate('2026-12-01T02:00:00.250Z') } }"), Update(MongoRetrainDefinitions.ExtendLock(Now)));
        Assert.Equal(Json("{ _id: 'retrain' }"), Filter(MongoRetrainDefinitions.Lock("retrain")));
    }

    [Fact]
    public void TheRatingWriteCount_IsOneCounterDocument_RaisedByA64BitOne()
    {
        Assert.Equal(Json("{ _id: 'ratingWrites' }"), Filter(MongoRetrainDefinitions.RatingWrites));
        Assert.Equal(Json("{ $inc: { value: NumberLong(1) } }"), Update(MongoRetrainDefinitions.CountRatingWrite));
    }

    [Fact]
    public void Runs_AreListedNewestFirst_ByAnIndexInTheSameOrder()
    {
        Assert.Equal(Json("{ }"), Filter(MongoRetrainDefinitions.AllRuns));
        Assert.Equal(Json("{ startedAt: -1, _id: -1 }"), Sort(MongoRetrainDefinitions.NewestRunFirst));
        var index = Assert.Single(MongoRetrainDefinitions.Indexes());
        Assert.Equal(Json("{ startedAt: -1, _id: -1 }"), Keys(index.Keys));
        Assert.Equal("retrainRuns_newest", index.Options.Name);
    }

    [Fact]
    public void ARunDocument_SaysWhetherItsRmseIsTheServedFigure_AndAnOlderOneWithoutTheFieldReadsAsTheFactorModels()
    {
        var at = new DateTimeOffset(Now);
        var run = new MovieRec.Core.Storage.RetrainRun(at, at.AddSeconds(3), "schedule", "host-a", MovieRec.Core.Storage.RetrainOutcome.Published,
            "ok", 1_000, 0.82, 0.9, null, 0.3, 5) { HeldOutAsServed = true };

        var document = RetrainRunDocument.From(run).ToBsonDocument();

        Assert.True(document["heldOutAsServed"].AsBoolean);
        Assert.Equal(run, MongoDB.Bson.Serialization.BsonSerializer.Deserialize<RetrainRunDocument>(document).ToRun());
        document.Remove("heldOutAsServed");
        Assert.False(MongoDB.Bson.Serialization.BsonSerializer.Deserialize<RetrainRunDocument>(document).ToRun().HeldOutAsServed);
    }
}
