using Microsoft.Extensions.Configuration;
using MovieRec.Core.Retraining;
using MovieRec.Web.Configuration;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>retrain: the model from the store's ratings (optionally merged with a CSV), behind a quality gate.</summary>
public static class RetrainCommand
{
    public const string Usage = """
        retrain [--csv-path FILE|DIR [--csv-users-are-dataset-users]] [--db-only] [--output FILE] [--force] [hyper-parameters]
          Trains on the store's ratings (the single source: first run and import put the dataset
          there, and a rating deleted in the app stays deleted) on all but a stable 5 % slice, and
          writes the model (default Model:Path, data/model.bin) atomically. Before replacing a model
          it refuses, with exit code 3 and the old file untouched, a new one that is worse than biases
          alone or more than 2 % worse in held-out RMSE than the one it would replace; --force skips
          that gate. --output writes elsewhere (A/B comparisons) and never touches the live file.
          --csv-path also merges the ratings of a MovieLens folder or ratings file (the store wins for
          the same user and movie; imported dataset users keep the store's ratings). It refuses a
          file whose user ids belong to accounts registered in the app, naming them, unless
          --csv-users-are-dataset-users says they are the same people. --db-only is the default.
        """;

    public const int RefusedExitCode = 3;

    public static async Task<int> RunAsync(CommandArguments args, IConfiguration configuration)
    {
        bool storeOnly = args.Bool("db-only") ?? false;
        string? csvPath = args.Text("csv-path");
        bool sameUsers = args.Bool("csv-users-are-dataset-users") ?? false;
        string output = args.Text("output") ?? AppConfiguration.ModelPath(configuration);
        bool force = args.Bool("force") ?? false;
        var options = TrainingArguments.Read(args);
        args.RejectUnknown();
        if (storeOnly && csvPath is not null) throw new UsageException("--db-only and --csv-path exclude each other");
        if (sameUsers && csvPath is null) throw new UsageException("--csv-users-are-dataset-users needs --csv-path");
        if (csvPath is not null && !Directory.Exists(csvPath) && !File.Exists(csvPath))
            throw new UsageException($"no MovieLens dataset at {csvPath}");

        await using var store = await StoreAccess.OpenAsync(configuration);
        var result = await Retrainer.RunAsync(store, new RetrainRequest(csvPath, output, options, force, CsvUsersAreDatasetUsers: sameUsers), TrainingLog.For(options));

        Console.WriteLine(csvPath is null
            ? $"ratings: {result.StoreRatings:N0} from the store"
            : $"ratings: {result.StoreRatings:N0} from the store, {result.DatasetRatings:N0} from {csvPath}, {result.MergedRatings:N0} merged");
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
