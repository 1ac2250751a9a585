using System.Text.Json;
using MovieRec.Core.Engine;

namespace MovieRec.Tests.Cli;

[Collection(nameof(ConsoleCapture))]
public class CommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_writes_a_model_file_of_the_rated_users_and_movies()
    {
        string output = Path.Combine(_folder, "model.bin");
        var (exit, _, error) = ConsoleCapture.Run("train", "--ratings", TestPaths.Fixture("ml-100k", "u.data"),
            "--movies", TestPaths.Fixture("ml-100k", "u.item"), "--output", output, "--rank", "4", "--ranking-rank", "3");

        Assert.True(exit == 0, error);
        var info = ModelFile.ReadInfo(output, verifyChecksum: true);
        var lines = File.ReadAllLines(TestPaths.Fixture("ml-100k", "u.data")).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(lines.Select(f => f[0]).Distinct().Count(), info.UserCount);
        Assert.Equal(lines.Select(f => f[1]).Distinct().Count(), info.ItemCount);
        Assert.Equal(4, info.Rank);
        Assert.Equal(lines.Length, info.Facts.RatingCount);
    }

    [Fact]
    public void Evaluate_writes_the_three_reports_with_every_key_and_nulls_where_a_figure_does_not_apply()
    {
        string json = Path.Combine(_folder, "eval.json");
        var (exit, output, error) = ConsoleCapture.Run("evaluate", "--train", TestPaths.Fixture("ml-100k", "u1.base"),
            "--test", TestPaths.Fixture("ml-100k", "u1.test"), "--movies", TestPaths.Fixture("ml-100k", "u.item"),
            "--json", json, "--rank", "3", "--ranking-rank", "2");

        Assert.True(exit == 0, error);
        Assert.Contains("NDCG@10", output);
        Assert.Contains("machine:", output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        string[] keys = ["rmse", "mae", "precision_at_10", "recall_at_10", "ndcg_at_10", "hit_rate_at_10", "coverage",
                         "novelty", "diversity", "mean_train_count", "train_seconds", "topn_seconds"];
        foreach (string report in new[] { "model", "bias_only", "most_popular" })
        {
            var element = document.RootElement.GetProperty(report);
            Assert.Equal(keys.Order(), element.EnumerateObject().Select(p => p.Name).Order());
        }
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("most_popular").GetProperty("rmse").ValueKind);
        Assert.Equal(JsonValueKind.Number, document.RootElement.GetProperty("model").GetProperty("rmse").ValueKind);
        // ml-100k is on whole stars: predictions are clipped to [1, 5], so no error exceeds 4.
        Assert.InRange(document.RootElement.GetProperty("model").GetProperty("rmse").GetDouble(), 0, 4);
    }

    [Fact]
    public void Bench_train_and_bench_recommend_report_their_figures_as_json()
    {
        string model = Path.Combine(_folder, "synthetic.bin");
        string trainJson = Path.Combine(_folder, "train.json");
        var (exit, output, error) = ConsoleCapture.Run("bench", "train", "--synthetic", "300,200,6000", "--rank", "8",
            "--iterations", "2", "--output", model, "--json", trainJson);
        Assert.True(exit == 0, error);
        Assert.Contains("GFLOP/s", output);
        Assert.Contains("of the float32 rate", output);
        Assert.Contains("held-out RMSE", output);

        using (var document = JsonDocument.Parse(File.ReadAllText(trainJson)))
        {
            var root = document.RootElement;
            // Every 100th synthetic rating is the check set, held out of training.
            Assert.Equal(5940, root.GetProperty("ratings").GetInt64());
            Assert.InRange(root.GetProperty("held_out_rmse").GetDouble(), 0, 4.5);
            Assert.True(root.GetProperty("machine_float32_gflops").GetDouble() > 0);
            Assert.True(root.GetProperty("machine_float64_gflops").GetDouble() > 0);
            Assert.Equal(8, root.GetProperty("rank").GetInt32());
            Assert.Equal(2, root.GetProperty("iterations").GetInt32());
            Assert.True(root.GetProperty("total_seconds").GetDouble() > 0);
            Assert.True(root.GetProperty("gflops").GetDouble() > 0);
            Assert.True(root.GetProperty("peak_working_set_bytes").GetInt64() > 0);
            Assert.True(root.GetProperty("seconds_per_iteration").GetDouble() > 0);
            Assert.True(root.GetProperty("threads").GetInt32() >= 1);
        }

        string recommendJson = Path.Combine(_folder, "recommend.json");
        (exit, output, error) = ConsoleCapture.Run("bench", "recommend", "--model", model, "--samples", "20", "--json", recommendJson);
        Assert.True(exit == 0, error);
        Assert.Contains("model load", output);
        using (var document = JsonDocument.Parse(File.ReadAllText(recommendJson)))
        {
            Assert.True(document.RootElement.GetProperty("loadSeconds").GetDouble() > 0);
            // Each part has wall-clock and CPU-time latencies.
            foreach (string part in new[] { "topn", "topnFullPass", "similar", "foldin", "foldin500", "picks", "picksCached", "picksAfterRating" })
                foreach (string clock in new[] { "wall", "cpu" })
                {
                    var element = document.RootElement.GetProperty(part).GetProperty(clock);
                    double p50 = element.GetProperty("p50_ms").GetDouble(), p99 = element.GetProperty("p99_ms").GetDouble(), max = element.GetProperty("max_ms").GetDouble();
                    Assert.True(p50 > 0 && p50 <= p99 && p99 <= max, $"{part} {clock}: {p50} {p99} {max}");
                }
        }
    }

    [Fact]
    public void Bench_store_reports_the_import_and_the_upsert_rates()
    {
        string json = Path.Combine(_folder, "store.json");
        var (exit, output, error) = ConsoleCapture.Run("bench", "store", "--dataset", TestPaths.Fixture("ml-latest-tiny"),
            "--upserts", "40", "--writers", "1,4", "--json", json);
        Assert.True(exit == 0, error);
        Assert.Contains("4 writers", output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(document.RootElement.GetProperty("import_seconds").GetDouble() > 0);
        Assert.True(document.RootElement.GetProperty("upserts_per_second_1_writers").GetDouble() > 0);
        Assert.True(document.RootElement.GetProperty("upserts_per_second_4_writers").GetDouble() > 0);
    }

    [Fact]
    public void Bench_store_imports_a_synthetic_dataset_of_the_size_asked()
    {
        string json = Path.Combine(_folder, "store-synthetic.json");
        var (exit, output, error) = ConsoleCapture.Run("bench", "store", "--synthetic", "50,40,900", "--upserts", "20", "--writers", "1", "--json", json);
        Assert.True(exit == 0, error);
        Assert.Contains("900 ratings, 50 users, 40 movies", output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(900, document.RootElement.GetProperty("import_ratings").GetInt64());
    }

    [Theory]
    [InlineData(new[] { "train", "--ratings", "x.csv" }, "Option '--movies' is required")]
    [InlineData(new[] { "bench", "store" }, "give either --dataset DIR or --synthetic")]
    [InlineData(new[] { "bench", "store", "--synthetic", "5,5,100" }, "do not fit")]
    [InlineData(new[] { "train", "--ratings", "a", "--movies", "b", "--output", "c", "--rnak", "5" }, "Unrecognized command or argument '--rnak'")]
    [InlineData(new[] { "evaluate", "--train", "a", "--test", "b", "--movies", "c", "--rank", "abc" }, "--rank takes a whole number")]
    [InlineData(new[] { "bench", "train", "--synthetic", "10,10" }, "USERS,MOVIES,RATINGS")]
    [InlineData(new[] { "bench", "fly" }, "Unrecognized command or argument 'fly'")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "users", "grant-admin" }, "Required argument missing for command: 'grant-admin'")]
    [InlineData(new[] { "train", "--ratings", "a", "--movies", "b", "--output", "c", "--svdpp", "maybe" }, "Unrecognized command or argument 'maybe'")]
    [InlineData(new[] { "train", "--ratings", "a", "--movies", "b", "--output", "c", "--lambda", "-1" }, "lambda must be a positive number")]
    public void Mistakes_on_the_command_line_exit_2_with_a_clear_message(string[] args, string expected)
    {
        var (exit, _, error) = ConsoleCapture.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("trian", "train")]
    [InlineData("train --ratings a --movies b --output c --rnak 5", "--rank")]
    [InlineData("bench recomend", "recommend")]
    public void A_typo_exits_2_and_suggests_what_was_meant(string commandLine, string suggestion)
    {
        var (exit, _, error) = ConsoleCapture.Run(commandLine.Split(' '));
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean", error);
        Assert.Contains(suggestion, error[error.IndexOf("Did you mean", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void A_malformed_ratings_file_exits_1_naming_the_file_and_line()
    {
        string ratings = Path.Combine(_folder, "ratings.csv");
        File.WriteAllLines(ratings, ["userId,movieId,rating,timestamp", "1,1,4.0,1", "1,2,not-a-number,1"]);
        var (exit, _, error) = ConsoleCapture.Run("train", "--ratings", ratings, "--movies", TestPaths.Fixture("ml-100k", "u.item"),
            "--output", Path.Combine(_folder, "m.bin"));
        Assert.Equal(1, exit);
        Assert.Contains("ratings.csv line 3", error);
        Assert.False(File.Exists(Path.Combine(_folder, "m.bin")));
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var (exit, output, _) = ConsoleCapture.Run("--help");
        Assert.Equal(0, exit);
        foreach (string command in new[] { "train", "evaluate", "import", "users set-password", "users grant-admin", "retrain", "stats reconcile", "bench train", "bench recommend", "bench store" })
            Assert.Contains(command, output);
    }
}
