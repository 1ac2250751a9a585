using Microsoft.Extensions.Configuration;
using MovieRec.Core.Storage;
using MovieRec.Web.Configuration;
using Serilog;
using Serilog.Extensions.Logging;

namespace MovieRec.Web.Cli;

/// <summary>Opens the configured store for a command, with the store's logs going to Serilog.</summary>
public static class StoreAccess
{
    public static async Task<IMovieRecStore> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var options = AppConfiguration.Storage(configuration);
        Log.Information("Opening the {Provider} store{Where}", options.Provider,
            options.Provider == StorageOptions.SqliteProvider ? $" at {options.SqlitePath}" : "");
        return await MovieRecStoreFactory.OpenAsync(options, new SerilogLoggerFactory(Log.Logger), cancellationToken);
    }
}
