using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Web;

/// <summary>Puts versions into a test app's history folder and records one as active, before the app starts.</summary>
public static class TestModelHistory
{
    /// <summary>Keeps the model as a version created at <paramref name="createdAt"/> and returns its facts.</summary>
    public static async Task<ModelVersionFacts> KeepAsync(string historyFolder, ModelSnapshot model, DateTimeOffset createdAt, double? ndcg = null)
    {
        string staged = Path.Combine(historyFolder, $".test-{Guid.NewGuid():N}.bin");
        Directory.CreateDirectory(historyFolder);
        ModelFile.Write(model, staged);
        var info = ModelFile.ReadInfo(staged);
        var facts = new ModelVersionFacts
        {
            Version = ModelVersionNames.For(createdAt, info.Checksum),
            CreatedAt = createdAt,
            Source = "retrain",
            Checksum = info.Checksum,
            SizeBytes = info.SizeBytes,
            Users = info.UserCount,
            Movies = info.ItemCount,
            Ratings = model.Facts.RatingCount,
            HeldOutShare = 0.1,
            DataFingerprint = model.Facts.DataFingerprint,
            HeldOutRmse = model.Facts.HeldOutRmse,
            BiasOnlyRmse = 1.1,
            HeldOutNdcg = ndcg,
            Options = model.Options,
        };
        await new FolderModelRepository(historyFolder).AddAsync(staged, facts);
        File.Delete(staged);
        return facts;
    }

    /// <summary>Records the version as active in the app's SQLite store, as an activation elsewhere would.</summary>
    public static async Task SetActiveAsync(string databasePath, string version)
    {
        await using var store = await SqliteMovieRecStore.OpenAsync(databasePath, NullLoggerFactory.Instance);
        await store.ActiveModel.SetAsync(version);
    }
}
