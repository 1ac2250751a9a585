using System.Diagnostics;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Recommending;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>
/// evaluate: the protocol of EVALUATION.md — the model as people are served by it against the
/// bias-only and most-popular baselines on a train / test pair, as a table and optionally as JSON.
/// </summary>
public static class EvaluateCommand
{
    public const string Usage = """
        evaluate --train FILE --test FILE --movies FILE [--json OUT] [--known-profiles] [--skip-bad-lines] [hyper-parameters]
          Trains on FILE, scores the test file (RMSE, MAE, precision / recall / NDCG / hit rate at 10,
          coverage, novelty, diversity, mean train count) for the model, bias only and most popular.
          The model is measured through the served path: each test user is folded in from their
          training ratings and gets the app's picks. --known-profiles adds the model scored with the
          user vectors it learned in training (the figure published before the served path).
        """;

    public static int Run(CommandArguments args, IReadOnlyList<string> commandLine)
    {
        string trainPath = args.RequiredText("train");
        string testPath = args.RequiredText("test");
        string moviesPath = args.RequiredText("movies");
        string? jsonPath = args.Text("json");
        bool skipBadLines = args.Bool("skip-bad-lines") ?? false;
        bool knownProfiles = args.Bool("known-profiles") ?? false;
        var options = TrainingArguments.Read(args);
        args.RejectUnknown();

        var (train, scale) = DataFiles.ReadRatings(trainPath, skipBadLines);
        var (test, _) = DataFiles.ReadRatings(testPath, skipBadLines);
        var movies = DataFiles.ReadMovies(moviesPath, skipBadLines);
        var data = new EvaluationData(train, test, movies, scale);

        var clock = Stopwatch.StartNew();
        var model = ModelTrainer.Train(train, options, report: TrainingLog.For(options), scale: scale);
        double modelSeconds = clock.Elapsed.TotalSeconds;
        var recommender = new Recommender(model, scale);

        // The baseline uses the biases computed the same way as the model's (same shrinkage).
        clock.Restart();
        var matrix = RatingMatrix.Build(train);
        var biases = BiasEstimator.Estimate(matrix, options.BiasMode, options.ItemBiasShrinkage, options.UserBiasShrinkage);
        double biasSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var popular = new MostPopularModel(train);
        double popularSeconds = clock.Elapsed.TotalSeconds;

        Log.Information("Scoring the test file ({Rows} rows, {Users} users with relevant items)", test.Length, data.EvaluatedUsers.Count);
        var report = new EvaluationReport(
            Evaluator.Evaluate(data, new ServedPathModel(new ServedRecommender(recommender), data), options.Threads) with { TrainSeconds = modelSeconds },
            Evaluator.Evaluate(data, new BiasOnlyModel(biases, matrix.Users, matrix.Items), options.Threads) with { TrainSeconds = biasSeconds },
            Evaluator.Evaluate(data, popular, options.Threads) with { TrainSeconds = popularSeconds },
            knownProfiles ? Evaluator.Evaluate(data, new RecommenderModel(recommender), options.Threads) with { TrainSeconds = modelSeconds } : null);

        Console.WriteLine(report.ToTable());
        Console.WriteLine($"machine: {MachineInfo.Describe()}");
        Console.WriteLine($"command: {MachineInfo.CommandLine(commandLine)}");
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, report.ToJson());
            Log.Information("Wrote {Path}", jsonPath);
        }
        return 0;
    }
}
