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
    public async Task Retrain_trains_on_the_store_by_default_and_the_gate_works_both_ways()
    {
        Assert.Equal(0, Run("import", "--dataset", TestPaths.MlLatestSmall).Exit);
        // The store now disagrees with the CSV on one rating: user 1 rated movie 1 with 4.0 in the CSV.
        await using (var store = await OpenStoreAsync())
            await store.Ratings.UpsertAsync(new Rating(1, 1, 0.5f, 2_000_000_000));

        var accepted = Run("retrain", "--iterations", "4", "--ranking-iterations", "2");
        Assert.True(accepted.Exit == 0, accepted.Error);
        Assert.Contains("ratings: 100,836 from the store", accepted.Out);
        var written = ModelFile.Read(ModelPath);

        // The model was trained on the store's ratings, with the store's 0.5.
        var stored = new List<Rating>();
        await using (var store = await OpenStoreAsync())
            await foreach (var rating in store.Ratings.StreamAllAsync()) stored.Add(rating);
        Assert.Contains(stored, r => r is { UserId: 1, MovieId: 1, Value: 0.5f });
        var (train, _) = HeldOutSplit.Split(stored);
        Assert.Equal(RatingMatrix.Build(train).Fingerprint, written.Facts.DataFingerprint);

        // The original design overfits (held-out RMSE far above biases alone): refused, file untouched.
        byte[] before = File.ReadAllBytes(ModelPath);
        var refused = Run("retrain", "--original");
        Assert.Equal(RetrainCommandExit.Refused, refused.Exit);
        Assert.Contains("refused", refused.Error);
        Assert.Equal(before, File.ReadAllBytes(ModelPath));

        // --force writes it anyway; --output never touches the live file; --db-only is the default's synonym.
        string other = Path.Combine(_folder, "other.bin");
        Assert.Equal(0, Run("retrain", "--original", "--db-only", "--output", other, "--force").Exit);
        Assert.True(File.Exists(other));
        Assert.Equal(before, File.ReadAllBytes(ModelPath));
        Assert.Equal(0, Run("retrain", "--original", "--force").Exit);
        Assert.NotEqual(before, File.ReadAllBytes(ModelPath));
    }

    [Fact]
    public async Task A_rating_deleted_in_the_app_stays_deleted_after_retrain_even_with_the_dataset_csv()
    {
        Assert.Equal(0, Run("import", "--dataset", TestPaths.MlLatestSmall).Exit);
        await using (var store = await OpenStoreAsync())
            foreach (var rating in await store.Ratings.ListByUserAsync(1))
                await store.Ratings.DeleteAsync(1, rating.MovieId);

        var byDefault = Run("retrain", "--iterations", "2", "--ranking-iterations", "1", "--force");
        Assert.True(byDefault.Exit == 0, byDefault.Error);
        Assert.Contains("ratings: 100,604 from the store", byDefault.Out);
        Assert.True(ModelFile.Read(ModelPath).Users.IndexOf(1) < 0, "user 1 deleted every rating but is in the model");

        // The dataset's CSV again: its users are the store's imported users, whose ratings the store holds.
        var withCsv = Run("retrain", "--csv-path", TestPaths.MlLatestSmall, "--iterations", "2", "--ranking-iterations", "1", "--force");
        Assert.True(withCsv.Exit == 0, withCsv.Error);
        Assert.Contains("100,604 merged", withCsv.Out);
        Assert.True(ModelFile.Read(ModelPath).Users.IndexOf(1) < 0, "the CSV brought back ratings deleted in the app");
    }

    [Fact]
    public async Task A_csv_whose_user_ids_belong_to_registered_accounts_is_refused_naming_them_unless_they_are_the_same_people()
    {
        Assert.Equal(0, Run("import", "--dataset", TestPaths.MlLatestSmall).Exit);
        int alice, bob;
        await using (var store = await OpenStoreAsync())
        {
            alice = (await store.Users.CreateAsync("alice", passwordHash: null)).UserId;
            bob = (await store.Users.CreateAsync("bob", passwordHash: null)).UserId;
            await store.Ratings.UpsertAsync(new Rating(alice, 1, 5, 2_000_000_000));
        }
        // Another dataset whose users 611.. are not alice and bob; user 700 is nobody here.
        string csv = Path.Combine(_folder, "other-ratings.csv");
        File.WriteAllLines(csv,
        [
            "userId,movieId,rating,timestamp",
            $"{alice},2,3.0,1000", $"{alice},3,4.0,1000", $"{bob},2,1.0,1000", "700,2,4.5,1000", "1,2,2.0,1000",
        ]);
        byte[]? before = File.Exists(ModelPath) ? File.ReadAllBytes(ModelPath) : null;

        var refused = Run("retrain", "--csv-path", csv, "--iterations", "2", "--ranking-iterations", "1");
        Assert.Equal(1, refused.Exit);
        Assert.Contains($"user ids that belong to accounts registered in the app: {alice}, {bob}.", refused.Error);
        Assert.Contains("--csv-users-are-dataset-users", refused.Error);
        Assert.Equal(before, File.Exists(ModelPath) ? File.ReadAllBytes(ModelPath) : null);

        var merged = Run("retrain", "--csv-path", csv, "--csv-users-are-dataset-users", "--iterations", "2", "--ranking-iterations", "1", "--force");
        Assert.True(merged.Exit == 0, merged.Error);
        // 100,836 imported + alice's 1 in the store; from the CSV alice's 2, bob's 1 and user 700's 1
        // (user 1 is an imported dataset user: the store's ratings are theirs).
        Assert.Contains($"ratings: 100,837 from the store, 4 from {csv}, 100,841 merged", merged.Out);
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
