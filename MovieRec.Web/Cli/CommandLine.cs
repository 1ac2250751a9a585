using System.CommandLine;
using MovieRec.Core.Engine;
using MovieRec.Core.Import;
using MovieRec.Core.Storage;
using MovieRec.Web.Cli.Progress;
using MovieRec.Web.Configuration;
using MovieRec.Web.Hosting;

namespace MovieRec.Web.Cli;

/// <summary>
/// The program's command line: `dotnet run --project MovieRec.Web -- COMMAND [options]`, parsed by
/// System.CommandLine (help, suggestions for typos) and run inside the app's own host. With no
/// command (or only --options, which go to the web host) the program serves the web app instead.
/// Exit codes: 0 done, 1 a failure of input or files, 2 a usage or settings mistake, 3 the retrain gate refused.
/// </summary>
public static class CommandLine
{
    public const int UsageExitCode = 2;

    /// <summary>True when the arguments name a command rather than configure the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') || args is ["-h"] or ["--help"] or ["-?"];

    public static IServiceCollection AddMovieRecCommands(this IServiceCollection services)
    {
        services.AddProgressDisplay();
        services.AddTransient<TrainCommand>();
        services.AddTransient<EvaluateCommand>();
        services.AddTransient<ImportCommand>();
        services.AddTransient<UsersCommand>();
        services.AddTransient<RetrainCommand>();
        services.AddTransient<StatsCommand>();
        services.AddTransient<ModelsCommand>();
        services.AddTransient<BenchTrainCommand>();
        services.AddTransient<BenchRecommendCommand>();
        services.AddTransient<BenchStoreCommand>();
        return services;
    }

    public static RootCommand Define(IServiceProvider services)
    {
        var actions = new CommandActions(services);
        var bench = new Command("bench", "Benchmarks: bench train, bench recommend, bench store.")
        {
            BenchTrainCommand.Define(actions), BenchRecommendCommand.Define(actions), BenchStoreCommand.Define(actions),
        };
        return new RootCommand(
            "MovieRec: with no command, serve the web app; with one, run it and exit. The store is chosen by Storage:Provider " +
            "(sqlite | mongo), Storage:SqlitePath and ConnectionStrings:Mongo in appsettings.json or the environment (Storage__Provider=mongo, ...).")
        {
            TrainCommand.Define(actions), EvaluateCommand.Define(actions), ImportCommand.Define(actions), UsersCommand.Define(actions),
            RetrainCommand.Define(actions), StatsCommand.Define(actions), ModelsCommand.Define(actions), bench,
        };
    }

    /// <param name="overrides">settings added after appsettings.json and the environment (the tests' own)</param>
    public static async Task<int> RunAsync(string[] args, IConfiguration? overrides = null)
    {
        WebApplication host;
        try
        {
            // The command's own arguments are not configuration: the host gets none.
            host = MovieRecHost.CreateBuilder([], overrides).Build();
            SettingsRegistration.ValidateNow(host.Services);
        }
        catch (SettingsException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return UsageExitCode;
        }
        await using (host)
        {
            var parsed = Define(host.Services).Parse(args);
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            if (parsed.Errors.Count > 0)
            {
                // System.CommandLine prints the errors and "did you mean" suggestions; the exit code is ours.
                // Everything about a mistake goes to standard error; standard output is for reports.
                if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction errors) errors.ShowHelp = false;
                await parsed.InvokeAsync(new InvocationConfiguration { Output = Console.Error, Error = Console.Error });
                Console.Error.WriteLine("run with --help for the commands and their options");
                return UsageExitCode;
            }
            try
            {
                return await parsed.InvokeAsync(invocation);
            }
            catch (UsageException error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                Console.Error.WriteLine("run with --help for the commands and their options");
                return UsageExitCode;
            }
            catch (Exception error) when (error is DatasetFormatException or UnrecognizedDatasetException or ModelFileException
                                              or StoreException or StoreValidationException or InvalidOperationException
                                              or IOException or UnauthorizedAccessException or FormatException or ArgumentException)
            {
                // Known failures of input and files: a clear message, no stack trace.
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MovieRec.Web.Cli").LogError("{Message}", error.Message);
                Console.Error.WriteLine($"error: {error.Message}");
                return 1;
            }
        }
    }
}
