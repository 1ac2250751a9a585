using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>What the person-list store sends to MongoDB, rendered to BSON.</summary>
public sealed class MongoPersonListRenderTests
{
    [Fact]
    public void Filters_NameTheListByItsStableName()
    {
        Assert.Equal(Json("{ userId: 4, list: 'hidden', movieId: 7 }"), Filter(MongoPersonListDefinitions.Entry(4, PersonList.Hidden, 7)));
        Assert.Equal(Json("{ userId: 4, list: 'watchlist' }"), Filter(MongoPersonListDefinitions.ListOf(4, PersonList.WatchList)));
    }

    [Fact]
    public void Adding_SetsTheTimeOnlyOnInsert_SoARepeatKeepsTheFirstTime()
    {
        Assert.Equal(Json("{ $setOnInsert: { addedAt: NumberLong(1234) } }"), Update(MongoPersonListDefinitions.AddedAt(1234)));
    }

    [Fact]
    public void Indexes_AreUniquePerEntry_AndServeTheNewestFirstList()
    {
        var indexes = MongoPersonListDefinitions.Indexes().ToDictionary(i => i.Options.Name);

        Assert.Equal(Json("{ userId: 1, list: 1, movieId: 1 }"), Keys(indexes["personLists_user_list_movie"].Keys));
        Assert.True(indexes["personLists_user_list_movie"].Options.Unique);
        // The list query's equality fields, then its sort: no in-memory sort for a long list.
        Assert.Equal(Json("{ userId: 1, list: 1, addedAt: -1, movieId: 1 }"), Keys(indexes["personLists_user_list_newest"].Keys));
        Assert.Equal(Json("{ addedAt: -1, movieId: 1 }"), Sort(MongoPersonListDefinitions.NewestFirst));
    }
}
