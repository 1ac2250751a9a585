using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>What the person-settings store sends to MongoDB, rendered to BSON.</summary>
public sealed class MongoPersonSettingsRenderTests
{
    [Fact]
    public void A_person_is_found_by_their_id_as_the_document_key()
    {
        Assert.Equal(Json("{ _id: 7 }"), Filter(MongoPersonSettingsDefinitions.OfPerson(7)));
    }

    [Fact]
    public void Saving_sets_every_field_so_that_an_upsert_replaces_the_whole_record()
    {
        var update = MongoPersonSettingsDefinitions.Replace(4, ["Sci-Fi", "Drama"], true);

        Assert.Equal(Json("{ $set: { familiarNewStep: 4, favouriteGenres: ['Sci-Fi', 'Drama'], onboardingDone: true } }"), Update(update));
    }
}
