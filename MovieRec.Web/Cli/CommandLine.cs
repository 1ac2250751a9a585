using MovieRec.Core.Engine;
using MovieRec.Core.Import;
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
        {BenchTrainCommand.Usage}
        {BenchRecommendCommand.Usage}
        hyper-parameters (train, evaluate, bench train):
        {TrainingArguments.Help}
        """;

    /// <summary>True when the arguments name a command rather than configure the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') || args is ["-h"] or ["--help"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await DispatchAsync(args);
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("run with --help for the commands and their options");
            return 2;
        }
        catch (Exception error) when (error is DatasetFormatException or UnrecognizedDatasetException or ModelFileException
                                          or IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            // Known failures of input and files: a clear message, no stack trace.
            Log.Error("{Message}", error.Message);
            Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
    }

    private static async Task<int> DispatchAsync(string[] args)
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
                return EvaluateCommand.Run(new CommandArguments(rest, With(TrainingArguments.Switches, "skip-bad-lines")), args);
            case ["bench", "train", .. var rest]:
                return BenchTrainCommand.Run(new CommandArguments(rest, TrainingArguments.Switches, BenchTrainCommand.OptionalValues), args);
            case ["bench", "recommend", .. var rest]:
                return BenchRecommendCommand.Run(new CommandArguments(rest), args);
            case ["bench", ..]:
                throw new UsageException("bench takes train or recommend");
            default:
                throw new UsageException($"unknown command \"{args[0]}\"");
        }
    }

    private static HashSet<string> With(IReadOnlySet<string> switches, params string[] more) => [.. switches, .. more];
}
