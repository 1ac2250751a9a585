using MovieRec.Core.Engine;
using MovieRec.Core.Import;
using MovieRec.Core.Storage;
using Microsoft.Extensions.Configuration;
using MovieRec.Web.Configuration;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>
/// The program's command line: `dotnet run --project MovieRec.Web -- COMMAND [options]`. With no
/// command (or only --options, which go to the web host) the program serves the web app instead.
/// </summary>
public static class CommandLine
{
    public static string Usage => $"""
        usage: dotnet run --project MovieRec.Web -- COMMAND [options]
               (no command: serve the web app)

        {TrainCommand.Usage}
        {EvaluateCommand.Usage}
        {ImportCommand.Usage}
        {UsersCommand.Usage}
        {RetrainCommand.Usage}
        {StatsCommand.Usage}
        {BenchStoreCommand.Usage}
        {BenchTrainCommand.Usage}
        {BenchRecommendCommand.Usage}
        the store is chosen by Storage:Provider (sqlite | mongo), Storage:SqlitePath and
        ConnectionStrings:Mongo in appsettings.json or the environment (Storage__Provider=mongo, ...)

        hyper-parameters (train, evaluate, retrain, bench train):
        {TrainingArguments.Help}
        """;

    /// <summary>True when the arguments name a command rather than configure the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') || args is ["-h"] or ["--help"];

    /// <param name="configuration">settings for the store, dataset and model paths; appsettings.json and the environment when null</param>
    public static async Task<int> RunAsync(string[] args, IConfiguration? configuration = null)
    {
        try
        {
            return await DispatchAsync(args, configuration ?? AppConfiguration.ForCommands());
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("run with --help for the commands and their options");
            return 2;
        }
        catch (Exception error) when (error is DatasetFormatException or UnrecognizedDatasetException or ModelFileException
                                          or StoreException or StoreValidationException or InvalidOperationException
                                          or IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            // Known failures of input and files: a clear message, no stack trace.
            Log.Error("{Message}", error.Message);
            Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, IConfiguration configuration)
    {
        switch (args)
        {
            case ["__store-writer", .. var rest]:
                // Hidden: the child process of the storage crash test.
                return await StoreWriterCommand.RunAsync(rest);
            case ["help" or "--help" or "-h", ..]:
                Console.WriteLine(Usage);
                return 0;
            case ["train", .. var rest]:
                return TrainCommand.Run(new CommandArguments(rest, With(TrainingArguments.Switches, "skip-bad-lines")));
            case ["evaluate", .. var rest]:
                return EvaluateCommand.Run(new CommandArguments(rest, With(TrainingArguments.Switches, "skip-bad-lines", "known-profiles")), args);
            case ["import", .. var rest]:
                return await ImportCommand.RunAsync(new CommandArguments(rest, Switches("skip-bad-lines")), configuration);
            case ["users", "set-password", .. var rest]:
                return await UsersCommand.SetPasswordAsync(rest, configuration);
            case ["users", "grant-admin", .. var rest]:
                return await UsersCommand.GrantAdminAsync(rest, configuration);
            case ["users", ..]:
                throw new UsageException("users takes set-password USER or grant-admin USER");
            case ["retrain", .. var rest]:
                return await RetrainCommand.RunAsync(new CommandArguments(rest, With(TrainingArguments.Switches, "db-only", "force", "csv-users-are-dataset-users")), configuration);
            case ["stats", "reconcile", .. var rest]:
                return await StatsCommand.ReconcileAsync(new CommandArguments(rest), configuration);
            case ["stats", ..]:
                throw new UsageException("stats takes reconcile");
            case ["bench", "store", .. var rest]:
                return await BenchStoreCommand.RunAsync(new CommandArguments(rest), args);
            case ["bench", "train", .. var rest]:
                return BenchTrainCommand.Run(new CommandArguments(rest, TrainingArguments.Switches, BenchTrainCommand.OptionalValues), args);
            case ["bench", "recommend", .. var rest]:
                return BenchRecommendCommand.Run(new CommandArguments(rest), args);
            case ["bench", ..]:
                throw new UsageException("bench takes train, recommend or store");
            default:
                throw new UsageException($"unknown command \"{args[0]}\"");
        }
    }

    private static HashSet<string> With(IReadOnlySet<string> switches, params string[] more) => [.. switches, .. more];

    private static HashSet<string> Switches(params string[] names) => [.. names];
}
