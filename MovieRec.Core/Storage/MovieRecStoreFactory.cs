using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;
using MovieRec.Core.Storage.Mongo;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Core.Storage;

/// <summary>Opens the store that <see cref="StorageOptions"/> names, creating or migrating its schema and indexes.</summary>
public static class MovieRecStoreFactory
{
    public static async Task<IMovieRecStore> OpenAsync(StorageOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var provider = options.Provider?.Trim().ToLowerInvariant();
        switch (provider)
        {
            case null or "" or StorageOptions.SqliteProvider:
                if (string.IsNullOrWhiteSpace(options.SqlitePath))
                    throw new StoreException("Storage:SqlitePath is empty: name the SQLite database file, for example data/movierec.db.");
                return await SqliteMovieRecStore.OpenAsync(options.SqlitePath, loggerFactory, cancellationToken);

            case StorageOptions.MongoProvider:
                if (string.IsNullOrWhiteSpace(options.MongoConnectionString))
                    throw new StoreException("Storage:Provider is 'mongo' but ConnectionStrings:Mongo is not set.");
                var url = ParseMongoUrl(options.MongoConnectionString);
                var database = options.MongoDatabase ?? url.DatabaseName ?? StorageOptions.DefaultMongoDatabase;
                return await MongoMovieRecStore.OpenAsync(url, database, loggerFactory, cancellationToken);

            default:
                throw new StoreException($"Storage:Provider '{options.Provider}' is not known: use 'sqlite' or 'mongo'.");
        }
    }

    private static MongoUrl ParseMongoUrl(string connectionString)
    {
        try
        {
            return MongoUrl.Create(connectionString);
        }
        catch (Exception error) when (error is MongoConfigurationException or ArgumentException or FormatException)
        {
            // Not chained: the driver's message may echo the string, and with it a password.
            throw new StoreException($"ConnectionStrings:Mongo is not a valid MongoDB connection string ({error.GetType().Name}).");
        }
    }
}
