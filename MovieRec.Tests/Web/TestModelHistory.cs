using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Helpers;

namespace MovieRec.Tests.Web;

/// <summary>Puts versions into a test app's history folder and records one as active, before the app starts.</summary>
public static class TestModelHistory
{
    /// <summary>Keeps the model as a version created at <paramref name="createdAt"/> and returns its facts.</summary>
    public static async Task<ModelVersionFacts> KeepAsync(string historyFolder, ModelSnapshot model, DateTimeOffset createdAt, double? ndcg = null, bool asServed = false)
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
            HeldOutAsServed = asServed,
            Options = model.Options,
        };
        await new FolderModelRepository(historyFolder).AddAsync(staged, facts);
        File.Delete(staged);
        return facts;
    }

    /// <summary>Flips a byte in the middle of a model file: an array is damaged, which only the checksum tells.</summary>
    public static void Damage(string modelFile)
    {
        byte[] bytes = File.ReadAllBytes(modelFile);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(modelFile, bytes);
    }

    /// <summary>The checksum of the model /health says is served.</summary>
    public static async Task<string?> ServedChecksumAsync(this HttpClient client) =>
        System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("model").GetProperty("checksum").GetString();

    /// <summary>Waits until the served model has the checksum (the reloader notices a file in its own time), and fails otherwise.</summary>
    public static async Task WaitForServedChecksumAsync(this HttpClient client, string expected)
    {
        await Eventually.HoldsAsync(async () => await client.ServedChecksumAsync() == expected, $"the model {expected[..12]} is served");
        Assert.Equal(expected, await client.ServedChecksumAsync());
    }

    /// <summary>Records the version as active in the app's SQLite store, as an activation elsewhere would.</summary>
    public static async Task SetActiveAsync(string databasePath, string version)
    {
        await using var store = await SqliteMovieRecStore.OpenAsync(databasePath, NullLoggerFactory.Instance);
        await store.ActiveModel.SetAsync(version);
    }
}
