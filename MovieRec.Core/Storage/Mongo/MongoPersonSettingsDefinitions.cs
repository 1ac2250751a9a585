using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>The filter and update the person-settings store sends, in one place so that tests render them to BSON.</summary>
internal static class MongoPersonSettingsDefinitions
{
    public static FilterDefinition<PersonSettingsDocument> OfPerson(int userId) =>
        Builders<PersonSettingsDocument>.Filter.Eq(d => d.UserId, userId);

    /// <summary>Used with upsert on <see cref="OfPerson"/>: every field is replaced, the _id comes from the filter.</summary>
    public static UpdateDefinition<PersonSettingsDocument> Replace(int familiarNewStep, string[] favouriteGenres, bool onboardingDone) =>
        Builders<PersonSettingsDocument>.Update
            .Set(d => d.FamiliarNewStep, familiarNewStep)
            .Set(d => d.FavouriteGenres, favouriteGenres)
            .Set(d => d.OnboardingDone, onboardingDone);
}
