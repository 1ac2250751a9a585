using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using MovieRec.Core.Engine;
using MovieRec.Core.Retraining;
using MovieRec.Web.Retraining;
using MovieRec.Web.Cli.Progress;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Cli;

/// <summary>retrain: the model from the store's ratings (optionally merged with a CSV), behind a quality gate.</summary>
public sealed class RetrainCommand(RetrainCoordinator retraining, IOptions<ModelOptions> model, IProgressDisplay progress, ILogger<RetrainCommand> logger)
{
    public const int RefusedExitCode = 3;

    public static Command Define(CommandActions actions)
    {
        var csvPath = CliOptions.Text("--csv-path",
            "Also merge the ratings of a MovieLens folder or ratings file (the store wins for the same user and movie; imported dataset users keep the store's ratings). " +
            "Refused when its user ids belong to accounts registered in the app, unless --csv-users-are-dataset-users.");
        var sameUsers = CliOptions.Flag("--csv-users-are-dataset-users", "The CSV's user ids are the same people as the store's imported dataset users.");
        var storeOnly = CliOptions.Flag("--db-only", "Train on the store's ratings alone (the default; kept as a synonym).");
        var output = CliOptions.Text("--output", "Write the model here instead of Model:Path (A/B comparisons); the live file is never touched.");
        var force = CliOptions.Flag("--force", "Write the model even when the quality gate refuses it.");
        var training = new TrainingArguments();
        var command = new Command("retrain",
            "Trains on the store's ratings (the single source: first run and import put the dataset there, and a rating deleted in the app stays deleted) " +
            "on all but a stable 5 % slice, and writes the model (default Model:Path) atomically. Refuses, with exit code 3 and the old file untouched, " +
            "a model worse than biases alone or more than 2 % worse in held-out RMSE than the one it would replace.")
        {
            csvPath, sameUsers, storeOnly, output, force,
        };
        training.AddTo(command);
        return actions.Bind<RetrainCommand>(command, (retrain, args, cancellationToken) => retrain.RunAsync(
            new Request(args.GetValue(csvPath), args.GetValue(sameUsers), args.GetValue(storeOnly), args.GetValue(output), args.GetValue(force), training.Read(args)),
            cancellationToken));
    }

    public sealed record Request(string? CsvPath, bool CsvUsersAreDatasetUsers, bool StoreOnly, string? Output, bool Force, TrainerOptions Options);

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        string? csvPath = request.CsvPath;
        string output = request.Output ?? model.Value.Path;
        if (request.StoreOnly && csvPath is not null) throw new UsageException("--db-only and --csv-path exclude each other");
        if (request.CsvUsersAreDatasetUsers && csvPath is null) throw new UsageException("--csv-users-are-dataset-users needs --csv-path");
        if (csvPath is not null && !Directory.Exists(csvPath) && !File.Exists(csvPath))
            throw new UsageException($"no MovieLens dataset at {csvPath}");

        var result = await progress.RunAsync(board => retraining.RunAsync(
            new RetrainRequest(csvPath, output, request.Options, request.Force, CsvUsersAreDatasetUsers: request.CsvUsersAreDatasetUsers),
            "retrain", TrainingProgress.On(board, request.Options), cancellationToken));

        Console.WriteLine(csvPath is null
            ? $"ratings: {result.StoreRatings:N0} from the store"
            : $"ratings: {result.StoreRatings:N0} from the store, {result.DatasetRatings:N0} from {csvPath}, {result.MergedRatings:N0} merged");
        Console.WriteLine($"held-out RMSE, as people are shown it: new model {result.NewRmse:F4}, biases alone {result.BiasOnlyRmse:F4}, " +
                          $"current model {(result.CurrentRmse is { } c ? c.ToString("F4", CultureInfo.InvariantCulture) : "none")}");
        if (!result.Written)
        {
            logger.LogError("Refused to replace {Path}: {Reason}", output, result.Verdict.Reason);
            Console.Error.WriteLine($"refused: {result.Verdict.Reason}; {output} is untouched (use --force to write anyway)");
            return RefusedExitCode;
        }
        Console.WriteLine($"held-out NDCG@10: {(result.HeldOutNdcg is { } ndcg ? ndcg.ToString("F4", CultureInfo.InvariantCulture) : "not measured")}");
        Console.WriteLine($"version: {result.Version}{(request.Output is null ? " (active)" : $" (kept; {output} written, the active model is untouched)")}");
        logger.LogInformation("Wrote {Path} as version {Version}: {Reason}", output, result.Version, result.Verdict.Reason);
        return 0;
    }
}
