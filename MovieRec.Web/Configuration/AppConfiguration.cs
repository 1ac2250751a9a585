using Microsoft.Extensions.Configuration;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The settings the web app and the commands share, read the ASP.NET Core way: appsettings.json,
/// then environment variables (Storage__Provider, ConnectionStrings__Mongo, ...), then, for the
/// web host, its command-line --key=value pairs.
/// </summary>
public static class AppConfiguration
{
    /// <summary>Configuration for a command: the same sources as the web host, minus the host's own.</summary>
    public static IConfiguration ForCommands() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>Storage:Provider, Storage:SqlitePath, Storage:MongoDatabase and ConnectionStrings:Mongo.</summary>
    public static StorageOptions Storage(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.SectionName);
        var defaults = new StorageOptions();
        return new StorageOptions
        {
            Provider = section["Provider"] ?? defaults.Provider,
            SqlitePath = section["SqlitePath"] ?? defaults.SqlitePath,
            MongoDatabase = section["MongoDatabase"],
            MongoConnectionString = configuration.GetConnectionString("Mongo"),
        };
    }

    /// <summary>Data:DatasetPath, the MovieLens folder imported on first run and merged by retrain.</summary>
    public static string DatasetPath(IConfiguration configuration) =>
        configuration["Data:DatasetPath"] is { Length: > 0 } path ? path : "data/ml-latest-small";

    /// <summary>Model:Path, the model file retrain writes and the web app watches.</summary>
    public static string ModelPath(IConfiguration configuration) =>
        configuration["Model:Path"] is { Length: > 0 } path ? path : "data/model.bin";
}
