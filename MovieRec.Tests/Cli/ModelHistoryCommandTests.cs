using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Engine;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Web;

namespace MovieRec.Tests.Cli;

/// <summary>The model history from the command line: every accepted model kept, listed, inspected, activated (rollback) and pruned.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed partial class ModelHistoryCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-models-cli-").FullName;
    private readonly Dictionary<string, string?> _settings;

    public ModelHistoryCommandTests()
    {
        TinyMovieLens.WriteTo(DatasetPath);
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = Path.Combine(_folder, "movierec.db"),
            ["Model:Path"] = ModelPath,
            ["Data:DatasetPath"] = DatasetPath,
        };
        Assert.Equal(0, Run("import", "--dataset", DatasetPath).Exit);
    }

    private string DatasetPath => Path.Combine(_folder, "ml-latest-small");
    private string ModelPath => Path.Combine(_folder, "model.bin");
    private string HistoryFolder => Path.Combine(_folder, "models");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Error) Run(params string[] args) =>
        ConsoleCapture.RunWith(new ConfigurationBuilder().AddInMemoryCollection(_settings).Build(), args);

    private static readonly string[] Tiny = ["--rank", "4", "--iterations", "2", "--ranking-rank", "3", "--ranking-iterations", "2", "--threads", "1", "--force"];

    /// <summary>Retrains (to Model:Path, or elsewhere) and returns the version it printed.</summary>
    private string Retrain(int seed, params string[] extra)
    {
        var run = Run(["retrain", .. Tiny, "--seed", seed.ToString(), .. extra]);
        Assert.True(run.Exit == 0, run.Error);
        return VersionLine().Match(run.Out) is { Success: true } found ? found.Groups[1].Value : throw new Xunit.Sdk.XunitException("no version in: " + run.Out);
    }

    [GeneratedRegex(@"version: (\d{8}-\d{6}-[0-9a-f]{8})")]
    private static partial Regex VersionLine();

    private JsonElement Inspect(string target)
    {
        var run = Run("models", "inspect", target, "--json");
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private async Task<string?> StoredActiveVersionAsync()
    {
        await using var store = await SqliteMovieRecStore.OpenAsync(_settings["Storage:SqlitePath"]!, NullLoggerFactory.Instance);
        return (await store.ActiveModel.GetAsync())?.Version;
    }

    [Fact]
    public void Inspect_shows_the_held_out_RMSE_people_are_shown_and_labels_an_older_files_factor_figure()
    {
        string version = Retrain(seed: 3);
        var file = ModelFile.ReadInfo(ModelPath).Facts;

        var metrics = Inspect(version).GetProperty("metrics");
        Assert.True(metrics.GetProperty("asServed").GetBoolean());
        Assert.Equal(file.ServedHeldOutRmse!.Value, metrics.GetProperty("heldOutRmse").GetDouble(), 12);
        Assert.Contains("(as people are shown it", Run("models", "inspect", version).Out);

        // A file the history does not hold, written before the served figure existed.
        var model = ModelFile.Read(ModelPath);
        string older = Path.Combine(_folder, "older.bin");
        ModelFile.Write(model with { Facts = model.Facts with { ServedHeldOutRmse = null } }, older);
        var run = Run("models", "inspect", older);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains($"held-out RMSE {file.HeldOutRmse!.Value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}", run.Out);
        Assert.Contains("(factor model alone", run.Out);
    }

    [Fact]
    public async Task Each_retrain_is_kept_and_activating_an_older_version_rolls_the_served_file_back()
    {
        string first = Retrain(seed: 1);
        string second = Retrain(seed: 2);
        Assert.NotEqual(first, second);

        var list = Run("models", "list");
        Assert.Equal(0, list.Exit);
        Assert.Contains("* " + second, list.Out);
        Assert.Contains("  " + first, list.Out);
        Assert.Equal(Inspect(second).GetProperty("checksum").GetString(), ModelFile.ReadInfo(ModelPath).Checksum);
        Assert.Equal(second, await StoredActiveVersionAsync());

        var rollback = Run("models", "activate", first);

        Assert.True(rollback.Exit == 0, rollback.Error);
        Assert.Equal(Inspect(first).GetProperty("checksum").GetString(), ModelFile.ReadInfo(ModelPath).Checksum);
        Assert.Equal(first, await StoredActiveVersionAsync());
        Assert.Contains("* " + first, Run("models", "list").Out);
    }

    [Fact]
    public void Inspect_prints_the_facts_of_a_version_and_of_the_active_file()
    {
        string version = Retrain(seed: 3);

        var facts = Inspect(version);
        var ofFile = Inspect(ModelPath);

        Assert.Equal(version, facts.GetProperty("version").GetString());
        Assert.Equal(TinyMovieLens.UserCount, facts.GetProperty("users").GetInt32());
        Assert.Equal(TinyMovieLens.Movies.Length, facts.GetProperty("movies").GetInt32());
        // Trained on all but the held-out 5 %.
        Assert.InRange(facts.GetProperty("ratings").GetInt64(), TinyMovieLens.Ratings().Count * 80 / 100, TinyMovieLens.Ratings().Count - 1);
        Assert.Equal(0.05, facts.GetProperty("heldOutShare").GetDouble());
        Assert.Matches("^[0-9a-f]{16,}$", facts.GetProperty("dataFingerprint").GetString());
        Assert.InRange(facts.GetProperty("metrics").GetProperty("heldOutRmse").GetDouble(), 0.01, 5);
        Assert.InRange(facts.GetProperty("metrics").GetProperty("heldOutNdcg").GetDouble(), 0, 1);
        Assert.Equal(4, facts.GetProperty("options").GetProperty("rank").GetInt32());
        Assert.Equal("retrain", facts.GetProperty("source").GetString());
        Assert.Equal(version, ofFile.GetProperty("version").GetString());
        Assert.Equal(ModelPath, ofFile.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_version_that_does_not_load_is_refused_and_the_active_one_stays()
    {
        string old = Retrain(seed: 4);
        string active = Retrain(seed: 5);
        string servedChecksum = ModelFile.ReadInfo(ModelPath).Checksum;
        TestModelHistory.Damage(Path.Combine(HistoryFolder, old + ".bin"));

        var refused = Run("models", "activate", old);

        Assert.Equal(1, refused.Exit);
        Assert.Contains($"model version {old} does not load", refused.Error);
        Assert.Contains("the active version stays", refused.Error);
        Assert.Equal(active, await StoredActiveVersionAsync());
        Assert.Equal(servedChecksum, ModelFile.ReadInfo(ModelPath).Checksum);
        Assert.Empty(Directory.GetFiles(_folder, ".activate-*"));
    }

    [Fact]
    public void Unknown_and_malformed_versions_are_refused_with_a_message()
    {
        Retrain(seed: 6);

        var unknown = Run("models", "activate", "20000101-000000-00000000");
        var malformed = Run("models", "activate", "../../etc/passwd");
        var noExperiment = Run("models", "promote");

        Assert.Equal(1, unknown.Exit);
        Assert.Contains("there is no model version 20000101-000000-00000000", unknown.Error);
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("is not a model version", malformed.Error);
        Assert.Equal(2, noExperiment.Exit);
        Assert.Contains("Model:Experiment:Candidate is not set", noExperiment.Error);
    }

    [Fact]
    public void The_history_keeps_Model_Keep_versions_but_never_drops_the_active_one()
    {
        _settings["Model:Keep"] = "2";
        string oldest = Retrain(seed: 7);
        Retrain(seed: 8);
        Assert.Equal(0, Run("models", "activate", oldest).Exit);
        // Candidates written elsewhere are kept too, and push the history past Model:Keep.
        string third = Retrain(seed: 9, "--output", Path.Combine(_folder, "candidate.bin"));
        string fourth = Retrain(seed: 10, "--output", Path.Combine(_folder, "candidate.bin"));

        var list = Run("models", "list").Out;

        Assert.Contains("* " + oldest, list); // active: spared although the oldest
        Assert.Contains(third, list);
        Assert.Contains(fourth, list);
        Assert.Equal(3, Directory.GetFiles(HistoryFolder, "*.bin").Length);
        Assert.Equal(oldest, Inspect(ModelPath).GetProperty("version").GetString()); // --output never touched the active file
    }

    [Fact]
    public void Train_keeps_its_model_and_activates_it_only_when_it_writes_Model_Path()
    {
        string ratings = Path.Combine(DatasetPath, "ratings.csv"), movies = Path.Combine(DatasetPath, "movies.csv");
        string elsewhere = Path.Combine(_folder, "trained.bin");

        var kept = Run(["train", "--ratings", ratings, "--movies", movies, "--output", elsewhere, .. Tiny[..^1]]);
        var active = Run(["train", "--ratings", ratings, "--movies", movies, "--output", ModelPath, .. Tiny[..^1], "--seed", "2"]);

        Assert.True(kept.Exit == 0, kept.Error);
        Assert.True(active.Exit == 0, active.Error);
        string keptVersion = VersionLine().Match(kept.Out).Groups[1].Value;
        string activeVersion = VersionLine().Match(active.Out).Groups[1].Value;
        var list = Run("models", "list").Out;
        Assert.Contains("  " + keptVersion, list);
        Assert.Contains("* " + activeVersion, list);
        Assert.Equal("train", Inspect(elsewhere).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Promote_makes_the_experiments_candidate_the_active_version()
    {
        string active = Retrain(seed: 11);
        string candidate = Retrain(seed: 12, "--output", Path.Combine(_folder, "candidate.bin"));
        Assert.Equal(active, await StoredActiveVersionAsync());
        _settings["Model:Experiment:Candidate"] = candidate;
        _settings["Model:Experiment:Share"] = "0.2";

        var promoted = Run("models", "promote");

        Assert.True(promoted.Exit == 0, promoted.Error);
        Assert.Contains($"promoted: {candidate} is the active version and the experiment is over", promoted.Out);
        Assert.Equal(candidate, await StoredActiveVersionAsync());
        Assert.Equal(candidate, Inspect(ModelPath).GetProperty("version").GetString());
    }
}
