using Microsoft.Extensions.Options;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Models.History;

/// <summary>
/// Picks the history's repository from Model:History: GridFS (the MongoDB store's bucket), or the
/// folder Model:HistoryPath; "auto" is GridFS with MongoDB and the folder with SQLite. Decided from
/// the settings, so a command that never touches the store (train, with SQLite) does not open it.
/// </summary>
public static class ModelRepositoryChoice
{
    public static IModelRepository Create(IServiceProvider services)
    {
        var settings = services.GetRequiredService<ModelSettings>();
        bool mongo = string.Equals(services.GetRequiredService<IOptions<StorageSettings>>().Value.Provider.Trim(), StorageOptions.MongoProvider,
            StringComparison.OrdinalIgnoreCase);
        bool gridFs = settings.History == ModelHistoryKinds.GridFs || settings.History == ModelHistoryKinds.Auto && mongo;
        if (!gridFs) return new FolderModelRepository(settings.HistoryPath);
        if (!mongo) throw new SettingsException("Model:History is gridfs, which needs Storage:Provider=mongo; use folder (Model:HistoryPath) with SQLite.",
            new InvalidOperationException("GridFS without MongoDB"));
        return services.GetRequiredService<IMovieRecStore>().SharedModels
               ?? throw new InvalidOperationException("the MongoDB store has no GridFS bucket");
    }
}
