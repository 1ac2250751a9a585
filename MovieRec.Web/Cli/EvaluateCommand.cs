using System.CommandLine;
using System.Diagnostics;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Recommending;
using MovieRec.Web.Cli.Progress;

namespace MovieRec.Web.Cli;

/// <summary>
/// evaluate: the protocol of EVALUATION.md — the model as people are served by it against the
/// bias-only and most-popular baselines on a train / test pair, as a table and optionally as JSON.
/// </summary>
public sealed class EvaluateCommand(IProgressDisplay progress, ILogger<EvaluateCommand> logger)
{
    public static Command Define(CommandActions actions)
    {
        var train = CliOptions.Text("--train", "The training ratings.", required: true);
        var test = CliOptions.Text("--test", "The test ratings.", required: true);
        var movies = CliOptions.Text("--movies", "The movies file.", required: true);
        var json = CliOptions.Text("--json", "Also write the three reports as JSON to this file.");
        var skipBadLines = CliOptions.Flag("--skip-bad-lines", "Count and pass over bad lines instead of stopping at the first.");
        var knownProfiles = CliOptions.Flag("--known-profiles",
            "Also score the model with the user vectors it learned in training (the figure published before the served path).");
        var familiarNew = CliOptions.Flag("--familiar-new",
            "Also serve every familiar/new step and print NDCG@10, coverage, novelty and mean train count per step.");
        var reasonThreshold = CliOptions.Flag("--reason-threshold",
            "Also print the similarity of random, same-genre and co-liked movie pairs against the \"because you rated\" threshold.");
        var training = new TrainingArguments();
        var command = new Command("evaluate",
            "Trains on the train file and scores the test file (RMSE, MAE, precision / recall / NDCG / hit rate at 10, coverage, novelty, diversity, " +
            "mean train count) for the model, bias only and most popular. The model is measured through the served path: each test user is folded " +
            "in from their training ratings and gets the app's picks.")
        {
            train, test, movies, json, skipBadLines, knownProfiles, familiarNew, reasonThreshold,
        };
        training.AddTo(command);
        return actions.Bind<EvaluateCommand>(command, (evaluate, args, _) => evaluate.RunAsync(
            new Request(args.GetValue(train)!, args.GetValue(test)!, args.GetValue(movies)!, args.GetValue(json), args.GetValue(skipBadLines),
                args.GetValue(knownProfiles), training.Read(args), args.GetValue(familiarNew), args.GetValue(reasonThreshold)),
            args.Tokens.Select(token => token.Value).ToList()));
    }

    public sealed record Request(string TrainPath, string TestPath, string MoviesPath, string? JsonPath, bool SkipBadLines, bool KnownProfiles, TrainerOptions Options,
        bool FamiliarNew = false, bool ReasonThreshold = false);

    public async Task<int> RunAsync(Request request, IReadOnlyList<string> commandLine)
    {
        var options = request.Options;
        FamiliarNewReport? steps = null;
        ReasonThresholdStudy? reasons = null;
        var report = await progress.RunAsync(board =>
        {
            var files = new DataFiles(board, logger);
            var (train, scale) = files.ReadRatings(request.TrainPath, request.SkipBadLines);
            var (test, _) = files.ReadRatings(request.TestPath, request.SkipBadLines);
            var movies = files.ReadMovies(request.MoviesPath, request.SkipBadLines);
            var data = new EvaluationData(train, test, movies, scale);

            var clock = Stopwatch.StartNew();
            var model = ModelTrainer.Train(train, options, report: TrainingProgress.On(board, options), scale: scale);
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

            logger.LogInformation("Scoring the test file ({Rows} rows, {Users} users with relevant items)", test.Length, data.EvaluatedUsers.Count);
            var scoring = board.Add("scoring the test file", request.KnownProfiles ? 4 : 3, "model");
            var served = new ServedRecommender(recommender);
            var modelReport = Evaluator.Evaluate(data, new ServedPathModel(served, data), options.Threads) with { TrainSeconds = modelSeconds };
            scoring.Report(1, "model");
            var biasReport = Evaluator.Evaluate(data, new BiasOnlyModel(biases, matrix.Users, matrix.Items), options.Threads) with { TrainSeconds = biasSeconds };
            scoring.Report(2, "bias only");
            var popularReport = Evaluator.Evaluate(data, popular, options.Threads) with { TrainSeconds = popularSeconds };
            scoring.Report(3, "most popular");
            var knownReport = request.KnownProfiles
                ? Evaluator.Evaluate(data, new RecommenderModel(recommender), options.Threads) with { TrainSeconds = modelSeconds }
                : null;
            if (knownReport is not null) scoring.Report(4, "known profiles");
            if (request.FamiliarNew)
            {
                var stepBar = board.Add("familiar/new steps", FamiliarNew.Steps.Count, "steps");
                steps = FamiliarNewReport.Measure(served, data, options.Threads, step => stepBar.Report(step, $"step {step}"));
            }
            if (request.ReasonThreshold) reasons = ReasonThresholdStudy.Measure(served, data);
            return Task.FromResult(new EvaluationReport(modelReport, biasReport, popularReport, knownReport));
        });

        Console.WriteLine(report.ToTable());
        if (steps is not null) Console.WriteLine(steps.ToTable());
        if (reasons is not null) Console.WriteLine(reasons.ToTable());
        Console.WriteLine($"machine: {MachineInfo.Describe()}");
        Console.WriteLine($"command: {MachineInfo.CommandLine(commandLine)}");
        if (request.JsonPath is not null)
        {
            File.WriteAllText(request.JsonPath, report.ToJson());
            logger.LogInformation("Wrote {Path}", request.JsonPath);
        }
        return 0;
    }
}
