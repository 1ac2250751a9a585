using Microsoft.Extensions.Configuration;
using MovieRec.Core.Engine;
using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using MovieRec.Core.Retraining;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MovieRec.Tests.Cli;

/// <summary>import, users, retrain and stats against a fresh SQLite store per test.</summary>
[Collection(nameof(ConsoleCapture))]
public class StoreCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-store-cli-").FullName;
    private readonly IConfiguration _configuration;

    public StoreCommandTests()
    {
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = DatabasePath,
            ["Model:Path"] = ModelPath,
            ["Data:DatasetPath"] = TestPaths.MlLatestSmall,
        }).Build();
    }

    private string DatabasePath => Path.Combine(_folder, "movierec.db");
    private string ModelPath => Path.Combine(_folder, "model.bin");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Error) Run(params string[] args) => ConsoleCapture.RunWith(_configuration, args);

    private Task<SqliteMovieRecStore> OpenStoreAsync() => SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

    [Fact]
    public async Task Importing_twice_stores_nothing_twice_and_dataset_users_cannot_log_in()
    {
        var first = Run("import", "--dataset", TestPaths.MlLatestSmall);
        var second = Run("import", "--dataset", TestPaths.MlLatestSmall);

        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("ratings: 100,836 added, 0 already there", first.Out);
        Assert.True(second.Exit == 0, second.Error);
        Assert.Contains("ratings: 0 added, 100,836 already there", second.Out);
        await using var store = await OpenStoreAsync();
        Assert.Equal(100_836, await store.Ratings.CountAsync());
        Assert.Equal(610, await store.Users.CountAsync());
        Assert.Equal(9_742, await store.Movies.CountAsync());
        var datasetUser = await store.Users.GetByIdAsync(1);
        Assert.Null(datasetUser!.PasswordHash);
    }

    [Fact]
    public async Task Users_commands_grant_admin_and_refuse_unknown_names()
    {
        await using (var store = await OpenStoreAsync())
            await store.Users.CreateAsync("alice", passwordHash: null);

        Assert.Equal(0, Run("users", "grant-admin", "alice").Exit);
        var unknown = Run("users", "grant-admin", "bob");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("no user named \"bob\"", unknown.Error);

        await using var reopened = await OpenStoreAsync();
        Assert.True((await reopened.Users.GetByNameAsync("ALICE"))!.IsInRole(RoleRules.Admin));
    }

    [Fact]
    public async Task Retrain_merges_with_the_store_winning_and_the_gate_works_both_ways()
    {
        Assert.Equal(0, Run("import", "--dataset", TestPaths.MlLatestSmall).Exit);
        // The store now disagrees with the CSV on one rating: user 1 rated movie 1 with 4.0 in the CSV.
        await using (var store = await OpenStoreAsync())
            await store.Ratings.UpsertAsync(new Rating(1, 1, 0.5f, 2_000_000_000));

        var accepted = Run("retrain", "--iterations", "4", "--ranking-iterations", "2");
        Assert.True(accepted.Exit == 0, accepted.Error);
        Assert.Contains("100,836 merged", accepted.Out);
        var written = ModelFile.Read(ModelPath);

        // The model was trained on the merged ratings with the store's 0.5, not the CSV's 4.0.
        var csv = MovieLensDataset.Open(TestPaths.MlLatestSmall).ReadRatings().ToArray();
        Assert.Contains(csv, r => r is { UserId: 1, MovieId: 1, Value: 4.0f });
        var merged = RatingMerger.Merge(csv, [new Rating(1, 1, 0.5f, 2_000_000_000)]);
        var (train, _) = HeldOutSplit.Split(merged);
        Assert.Equal(RatingMatrix.Build(train).Fingerprint, written.Facts.DataFingerprint);

        // The original design overfits (held-out RMSE far above biases alone): refused, file untouched.
        byte[] before = File.ReadAllBytes(ModelPath);
        var refused = Run("retrain", "--original");
        Assert.Equal(RetrainCommandExit.Refused, refused.Exit);
        Assert.Contains("refused", refused.Error);
        Assert.Equal(before, File.ReadAllBytes(ModelPath));

        // --force writes it anyway; --output never touches the live file.
        string other = Path.Combine(_folder, "other.bin");
        Assert.Equal(0, Run("retrain", "--original", "--db-only", "--output", other, "--force").Exit);
        Assert.True(File.Exists(other));
        Assert.Equal(before, File.ReadAllBytes(ModelPath));
        Assert.Equal(0, Run("retrain", "--original", "--force").Exit);
        Assert.NotEqual(before, File.ReadAllBytes(ModelPath));
    }

    [Fact]
    public async Task Stats_reconcile_repairs_statistics_that_disagree_with_the_ratings()
    {
        await using (var store = await OpenStoreAsync())
        {
            await store.Movies.UpsertManyAsync([new MovieRec.Core.Catalog.Movie(1, "One (2000)", 2000, ["Drama"])]);
            var user = await store.Users.CreateAsync("carol", passwordHash: null);
            await store.Ratings.UpsertAsync(new Rating(user.UserId, 1, 4, 1));
        }
        // Break the statistics behind the store's back.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE movies SET rating_count = 7, rating_sum = 1";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var result = Run("stats", "reconcile");
        Assert.True(result.Exit == 0, result.Error);
        Assert.Contains("1 movies had statistics", result.Out);
        await using var reopened = await OpenStoreAsync();
        var statistics = (await reopened.Movies.GetStatisticsAsync(1))!.Value;
        Assert.Equal(1, statistics.RatingCount);
        Assert.Equal(4, statistics.RatingSum, 6);
    }
}

internal static class RetrainCommandExit
{
    public const int Refused = MovieRec.Web.Cli.RetrainCommand.RefusedExitCode;
}
