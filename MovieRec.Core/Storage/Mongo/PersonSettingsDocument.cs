using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// One person's settings in the "personSettings" collection:
/// { _id: userId, familiarNewStep, favouriteGenres: [...], onboardingDone }. No document means the defaults.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class PersonSettingsDocument
{
    [BsonId] public int UserId { get; set; }
    [BsonElement("familiarNewStep")] public int FamiliarNewStep { get; set; }
    [BsonElement("favouriteGenres")] public string[] FavouriteGenres { get; set; } = [];
    [BsonElement("onboardingDone")] public bool OnboardingDone { get; set; }
}
