using Microsoft.Extensions.Configuration;
using MovieRec.Core.Retraining;
using MovieRec.Web.Configuration;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>retrain: the model from the MovieLens CSV ratings merged with the store's, behind a quality gate.</summary>
public static class RetrainCommand
{
    public const string Usage = """
        retrain [--csv-path DIR] [--db-only] [--output FILE] [--force] [hyper-parameters]
          Merges the dataset's ratings (--csv-path, default Data:DatasetPath) with the store's (the
          store wins for the same user and movie), trains on all but a stable 5 % slice, and writes
          the model (default Model:Path, data/model.bin) atomically. Before replacing a model it
          refuses, with exit code 3 and the old file untouched, a new one that is worse than biases
          alone or more than 2 % worse in held-out RMSE than the one it would replace; --force skips
          that gate. --output writes elsewhere (A/B comparisons) and never touches the live file.
          --db-only trains on the store's ratings alone.
        """;

    public const int RefusedExitCode = 3;

    public static async Task<int> RunAsync(CommandArguments args, IConfiguration configuration)
    {
        bool storeOnly = args.Bool("db-only") ?? false;
        string? csvPath = args.Text("csv-path");
        string output = args.Text("output") ?? AppConfiguration.ModelPath(configuration);
        bool force = args.Bool("force") ?? false;
        var options = TrainingArguments.Read(args);
        args.RejectUnknown();
        if (storeOnly && csvPath is not null) throw new UsageException("--db-only and --csv-path exclude each other");
        string? dataset = storeOnly ? null : csvPath ?? AppConfiguration.DatasetPath(configuration);
        if (dataset is not null && !Directory.Exists(dataset) && !File.Exists(dataset))
            throw new UsageException($"no MovieLens dataset at {dataset}: name one with --csv-path, or train on the store alone with --db-only");

        await using var store = await StoreAccess.OpenAsync(configuration);
        var result = await Retrainer.RunAsync(store, new RetrainRequest(dataset, storeOnly, output, options, force), TrainingLog.For(options));

        Console.WriteLine($"ratings: {result.DatasetRatings:N0} from the dataset, {result.StoreRatings:N0} from the store, {result.MergedRatings:N0} merged");
        Console.WriteLine($"held-out RMSE: new model {result.NewRmse:F4}, biases alone {result.BiasOnlyRmse:F4}, " +
                          $"current model {(result.CurrentRmse is { } c ? c.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "none")}");
        if (!result.Written)
        {
            Log.Error("Refused to replace {Path}: {Reason}", output, result.Verdict.Reason);
            Console.Error.WriteLine($"refused: {result.Verdict.Reason}; {output} is untouched (use --force to write anyway)");
            return RefusedExitCode;
        }
        Log.Information("Wrote {Path}: {Reason}", output, result.Verdict.Reason);
        return 0;
    }
}
