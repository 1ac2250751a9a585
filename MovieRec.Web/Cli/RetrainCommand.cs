using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using MovieRec.Core.Retraining;
using MovieRec.Core.Storage;
using MovieRec.Web.Cli.Progress;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Cli;

/// <summary>retrain: the model from the MovieLens CSV ratings merged with the store's, behind a quality gate.</summary>
public sealed class RetrainCommand(
    IMovieRecStore store, IOptions<ModelOptions> model, IOptions<DataSettings> data, IProgressDisplay progress, ILogger<RetrainCommand> logger)
{
    public const int RefusedExitCode = 3;

    public static Command Define(CommandActions actions)
    {
        var csvPath = CliOptions.Text("--csv-path", "The MovieLens dataset to merge with the store's ratings (default Data:DatasetPath).");
        var storeOnly = CliOptions.Flag("--db-only", "Train on the store's ratings alone.");
        var output = CliOptions.Text("--output", "Write the model here instead of Model:Path (A/B comparisons); the live file is never touched.");
        var force = CliOptions.Flag("--force", "Write the model even when the quality gate refuses it.");
        var training = new TrainingArguments();
        var command = new Command("retrain",
            "Merges the dataset's ratings with the store's (the store wins for the same user and movie), trains on all but a stable 5 % slice, " +
            "and writes the model (default Model:Path) atomically. Refuses, with exit code 3 and the old file untouched, a model worse than " +
            "biases alone or more than 2 % worse in held-out RMSE than the one it would replace.")
        {
            csvPath, storeOnly, output, force,
        };
        training.AddTo(command);
        return actions.Bind<RetrainCommand>(command, (retrain, args, cancellationToken) => retrain.RunAsync(
            args.GetValue(csvPath), args.GetValue(storeOnly), args.GetValue(output), args.GetValue(force), training.Read(args), cancellationToken));
    }

    public async Task<int> RunAsync(string? csvPath, bool storeOnly, string? output, bool force, Core.Engine.TrainerOptions options,
        CancellationToken cancellationToken)
    {
        output ??= model.Value.Path;
        if (storeOnly && csvPath is not null) throw new UsageException("--db-only and --csv-path exclude each other");
        string? dataset = storeOnly ? null : csvPath ?? data.Value.DatasetPath;
        if (dataset is not null && !Directory.Exists(dataset) && !File.Exists(dataset))
            throw new UsageException($"no MovieLens dataset at {dataset}: name one with --csv-path, or train on the store alone with --db-only");

        var result = await progress.RunAsync(board => Retrainer.RunAsync(store, new RetrainRequest(dataset, storeOnly, output, options, force),
            TrainingProgress.On(board, options), cancellationToken));

        Console.WriteLine($"ratings: {result.DatasetRatings:N0} from the dataset, {result.StoreRatings:N0} from the store, {result.MergedRatings:N0} merged");
        Console.WriteLine($"held-out RMSE: new model {result.NewRmse:F4}, biases alone {result.BiasOnlyRmse:F4}, " +
                          $"current model {(result.CurrentRmse is { } c ? c.ToString("F4", CultureInfo.InvariantCulture) : "none")}");
        if (!result.Written)
        {
            logger.LogError("Refused to replace {Path}: {Reason}", output, result.Verdict.Reason);
            Console.Error.WriteLine($"refused: {result.Verdict.Reason}; {output} is untouched (use --force to write anyway)");
            return RefusedExitCode;
        }
        logger.LogInformation("Wrote {Path}: {Reason}", output, result.Verdict.Reason);
        return 0;
    }
}
