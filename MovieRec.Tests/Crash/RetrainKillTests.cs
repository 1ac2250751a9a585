using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Engine;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Browser;
using MovieRec.Tests.Hosting;
using MovieRec.Tests.Web;
using MovieRec.Web.Retraining;

namespace MovieRec.Tests.Crash;

/// <summary>
/// The real server, retraining on ml-latest-small after one new rating, killed with SIGKILL in
/// the middle of training: the model file it served is untouched, its store lock stays only until
/// the lease it last took runs out, and a restart serves the same model.
/// </summary>
[Collection(nameof(AppProcess))]
public sealed class RetrainKillTests : IDisposable
{
    private const int LeaseSeconds = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-retrain-kill-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the killed process held a moment ago; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task A_server_killed_while_retraining_keeps_its_model_file_and_its_lock_runs_out_within_the_lease()
    {
        string modelPath = Path.Combine(_folder, "model.bin");
        string databasePath = Path.Combine(_folder, "movierec.db");
        ModelFile.Write(TinyMovieLens.TrainModel(), modelPath);
        string checksum = ModelFile.ReadInfo(modelPath).Checksum;
        var environment = new Dictionary<string, string?>
        {
            ["Storage__SqlitePath"] = databasePath,
            ["Model__Path"] = modelPath,
            ["Data__DatasetPath"] = TestPaths.MlLatestSmall,
            // The full default model on ml-latest-small: seconds of training, time enough to kill it mid-way.
            ["Retrain__AfterNewRatings"] = "1",
            ["Retrain__CheckSeconds"] = "1",
            ["Retrain__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };

        StoreLock held;
        await using (var server = ServerProcess.Start(environment, _folder))
        {
            await server.WaitUntilAsync("/health", (status, body) => status == HttpStatusCode.OK && body.Contains("\"loaded\":true"), Patience);
            await using var store = await SqliteMovieRecStore.OpenAsync(databasePath, NullLoggerFactory.Instance);
            await store.Ratings.UpsertAsync(new Rating(1, 1, 4.5f, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

            held = await WaitForLockAsync(store);
            Assert.Contains($":{server.ProcessId}:", held.Holder);
            // Killed as soon as the lock is seen, so surely mid-run: a fixed pause here would bet
            // that training outlasts it, which a faster trainer or an idle machine may not.
            await server.KillAsync();
        }

        await using (var store = await SqliteMovieRecStore.OpenAsync(databasePath, NullLoggerFactory.Instance))
        {
            var left = await store.Locks.ReadAsync(RetrainLease.LockName);
            Assert.NotNull(left);
            Assert.Equal(held.Holder, left.Holder);
            // Nothing renews it now: it lasts at most one lease from its last renewal, then anyone may take it.
            Assert.True(left.ExpiresAt <= DateTimeOffset.UtcNow.AddSeconds(LeaseSeconds), $"the lock lasts until {left.ExpiresAt:O}");
            Assert.False(await store.Locks.TryAcquireAsync(RetrainLease.LockName, "survivor", left.ExpiresAt.AddMilliseconds(-1), TimeSpan.FromSeconds(LeaseSeconds)));
            Assert.True(await store.Locks.TryAcquireAsync(RetrainLease.LockName, "survivor", left.ExpiresAt, TimeSpan.FromSeconds(LeaseSeconds)));
            await store.Locks.ReleaseAsync(RetrainLease.LockName, "survivor");
            Assert.Empty(await store.Retrains.RecentAsync(1));
        }
        Assert.Equal(checksum, ModelFile.ReadInfo(modelPath, verifyChecksum: true).Checksum);

        await using (var restarted = ServerProcess.Start(environment, _folder))
        {
            string body = "";
            await restarted.WaitUntilAsync("/health", (status, text) => status == HttpStatusCode.OK && (body = text).Contains("\"loaded\":true"), Patience);
            using var health = JsonDocument.Parse(body);
            Assert.Equal(checksum, health.RootElement.GetProperty("model").GetProperty("checksum").GetString());
        }
    }

    private static async Task<StoreLock> WaitForLockAsync(IMovieRecStore store)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (await store.Locks.ReadAsync(RetrainLease.LockName) is { } held) return held;
            await Task.Delay(100);
        }
        throw new TimeoutException("the server never took the retrain lock after a new rating");
    }
}
