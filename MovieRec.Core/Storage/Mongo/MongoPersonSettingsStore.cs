using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>Each person's settings in the "personSettings" collection, one document per person keyed by their id.</summary>
internal sealed class MongoPersonSettingsStore(MongoCollections collections) : IPersonSettingsStore
{
    private static readonly UpdateOptions Upsert = new() { IsUpsert = true };

    public async Task<PersonSettings> GetAsync(int userId, CancellationToken cancellationToken = default)
    {
        var document = await collections.PersonSettings.Find(MongoPersonSettingsDefinitions.OfPerson(userId)).FirstOrDefaultAsync(cancellationToken);
        return document is null
            ? PersonSettings.Default
            : new PersonSettings(document.FamiliarNewStep, document.FavouriteGenres ?? [], document.OnboardingDone);
    }

    public async Task SaveAsync(int userId, PersonSettings settings, CancellationToken cancellationToken = default)
    {
        var genres = StoreValidation.PersonSettings(settings);
        await MongoReferences.EnsureUserExistsAsync(collections, userId, cancellationToken);
        await collections.PersonSettings.UpdateOneAsync(
            MongoPersonSettingsDefinitions.OfPerson(userId), MongoPersonSettingsDefinitions.Replace(settings.FamiliarNewStep, genres, settings.OnboardingDone), Upsert, cancellationToken);
        await MongoPersonVersions.BumpAsync(collections, userId, cancellationToken);
    }
}
