using System.ComponentModel.DataAnnotations;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The "Storage" section (Storage:Provider, Storage:SqlitePath, Storage:MongoDatabase) and
/// ConnectionStrings:Mongo. Every message names the key to fix, since it is what a person reads
/// when start-up stops.
/// </summary>
public sealed class StorageSettings : IValidatableObject
{
    public const string SectionName = StorageOptions.SectionName;

    public string Provider { get; set; } = StorageOptions.SqliteProvider;

    public string SqlitePath { get; set; } = StorageOptions.DefaultSqlitePath;

    public string? MongoDatabase { get; set; }

    /// <summary>Bound from ConnectionStrings:Mongo, outside the section, by <see cref="SettingsRegistration"/>.</summary>
    public string? MongoConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string provider = Provider.Trim().ToLowerInvariant();
        if (provider is not (StorageOptions.SqliteProvider or StorageOptions.MongoProvider))
            yield return new ValidationResult($"Storage:Provider must be sqlite or mongo, not '{Provider}'.", [nameof(Provider)]);
        if (provider == StorageOptions.SqliteProvider && string.IsNullOrWhiteSpace(SqlitePath))
            yield return new ValidationResult("Storage:SqlitePath is empty: name the SQLite database file, for example data/movierec.db.", [nameof(SqlitePath)]);
        if (provider == StorageOptions.MongoProvider && string.IsNullOrWhiteSpace(MongoConnectionString))
            yield return new ValidationResult("ConnectionStrings:Mongo must be set when Storage:Provider is mongo.", [nameof(MongoConnectionString)]);
    }

    public StorageOptions ToStoreOptions() => new()
    {
        Provider = Provider,
        SqlitePath = SqlitePath,
        MongoDatabase = MongoDatabase,
        MongoConnectionString = MongoConnectionString,
    };
}
