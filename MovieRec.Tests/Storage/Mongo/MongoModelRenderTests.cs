using MongoDB.Bson;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>What the active model record, the experiment records and the GridFS history send to MongoDB, rendered to BSON.</summary>
public sealed class MongoModelRenderTests
{
    [Fact]
    public void ActiveModel_IsOneDocument_SetInOneUpsert()
    {
        Assert.Equal(Json("{ _id: 1 }"), Filter(MongoModelDefinitions.ActiveModel));
        Assert.Equal(Json("{ $set: { version: '20261201-100000-aaaaaaaa', activatedAt: NumberLong(1234) } }"),
            Update(MongoModelDefinitions.Activate("20261201-100000-aaaaaaaa", 1234)));
    }

    [Fact]
    public void ExperimentPicks_AreKeyedByExperimentPersonAndMovie_AndAShowKeepsItsFirstArmAndTime()
    {
        Assert.Equal(Json("{ experiment: 'e', userId: 4, movieId: 7 }"), Filter(MongoModelDefinitions.Pick("e", 4, 7)));
        Assert.Equal(Json("{ $setOnInsert: { arm: 'candidate', shownAt: NumberLong(99) } }"), Update(MongoModelDefinitions.Shown("candidate", 99)));

        var index = Assert.Single(MongoModelDefinitions.ExperimentIndexes());
        Assert.Equal(Json("{ experiment: 1, userId: 1, movieId: 1 }"), Keys(index.Keys));
        Assert.True(index.Options.Unique);
    }

    [Fact]
    public void Outcomes_AreSetOnlyWhenNotSetBefore()
    {
        Assert.Equal(Json("{ experiment: 'e', userId: 4, movieId: 7, openedAt: null }"), Filter(MongoModelDefinitions.NotOpened("e", 4, 7)));
        Assert.Equal(Json("{ experiment: 'e', userId: 4, movieId: 7, ratedAt: null }"), Filter(MongoModelDefinitions.NotRated("e", 4, 7)));
        Assert.Equal(Json("{ $set: { openedAt: NumberLong(5) } }"), Update(MongoModelDefinitions.Opened(5)));
        Assert.Equal(Json("{ $set: { ratedAt: NumberLong(5), rating: 4.5 } }"), Update(MongoModelDefinitions.Rated(4.5, 5)));
    }

    [Fact]
    public void ArmCounts_GroupPerPersonThenPerArm()
    {
        var stages = Pipeline(MongoModelDefinitions.ArmCounts("e"));

        Assert.Equal(4, stages.Count);
        Assert.Equal(Json("{ $match: { experiment: 'e' } }"), stages[0]);
        Assert.Equal(Json("""
            { $group: {
                _id: { arm: '$arm', userId: '$userId' },
                impressions: { $sum: 1 },
                opened: { $sum: { $cond: [ { $ifNull: [ '$openedAt', false ] }, 1, 0 ] } },
                rated: { $sum: { $cond: [ { $ifNull: [ '$ratedAt', false ] }, 1, 0 ] } },
                ratingSum: { $sum: { $ifNull: [ '$rating', 0.0 ] } },
                ratingSquares: { $sum: { $multiply: [ { $ifNull: [ '$rating', 0.0 ] }, { $ifNull: [ '$rating', 0.0 ] } ] } } } }
            """), stages[1]);
        Assert.Equal(Json("""
            { $group: { _id: '$_id.arm', people: { $sum: 1 }, impressions: { $sum: '$impressions' }, opened: { $sum: '$opened' },
                        rated: { $sum: '$rated' }, ratingSum: { $sum: '$ratingSum' }, ratingSquares: { $sum: '$ratingSquares' } } }
            """), stages[2]);
        Assert.Equal(Json("{ $sort: { _id: 1 } }"), stages[3]);
    }

    [Fact]
    public void GridFs_FindsAVersionByName_ListsNewestFirst_AndUploadsItsFactsAsMetadata()
    {
        Assert.Equal(Json("{ filename: '20261201-100000-aaaaaaaa' }"), Filter(MongoModelDefinitions.ModelFile("20261201-100000-aaaaaaaa")));
        Assert.Equal(Json("{ }"), Filter(MongoModelDefinitions.AllModelFiles));
        Assert.Equal(Json("{ filename: -1 }"), Sort(MongoModelDefinitions.NewestFirst));

        var upload = MongoModelDefinitions.Upload("""{ "version": "20261201-100000-aaaaaaaa", "heldOutRmse": 0.84 }""");
        Assert.Equal(Json("{ facts: { version: '20261201-100000-aaaaaaaa', heldOutRmse: 0.84 } }"), upload.Metadata);
        Assert.Equal(1 << 20, upload.ChunkSizeBytes);
        Assert.Equal("models", MongoModelDefinitions.BucketName);
    }
}
