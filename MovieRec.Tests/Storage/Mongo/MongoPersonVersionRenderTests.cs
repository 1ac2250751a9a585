using MongoDB.Driver;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>What the person versions send to MongoDB, rendered to BSON.</summary>
public sealed class MongoPersonVersionRenderTests
{
    [Fact]
    public void A_persons_version_is_found_by_their_id_as_the_document_key()
    {
        Assert.Equal(Json("{ _id: 7 }"), Filter(MongoPersonVersionDefinitions.OfPerson(7)));
    }

    [Fact]
    public void A_write_raises_the_version_by_a_64_bit_one()
    {
        Assert.Equal(Json("{ $inc: { version: NumberLong(1) } }"), Update(MongoPersonVersionDefinitions.Bump));
    }

    [Fact]
    public void An_import_batch_raises_each_persons_version_once_creating_it_when_missing()
    {
        var models = MongoPersonVersionDefinitions.BumpEach([3, 5]).Cast<UpdateOneModel<PersonVersionDocument>>().ToList();

        Assert.Equal([Json("{ _id: 3 }"), Json("{ _id: 5 }")], models.Select(m => Filter(m.Filter)));
        Assert.All(models, m => Assert.Equal(Json("{ $inc: { version: NumberLong(1) } }"), Update(m.Update)));
        Assert.All(models, m => Assert.True(m.IsUpsert));
    }
}
