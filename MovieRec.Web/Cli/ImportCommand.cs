using System.CommandLine;
using MovieRec.Core.Import;
using MovieRec.Core.Storage;
using MovieRec.Web.Cli.Progress;

namespace MovieRec.Web.Cli;

/// <summary>import: a MovieLens dataset into the configured store, idempotently.</summary>
public sealed class ImportCommand(IMovieRecStore store, IProgressDisplay progress, ILogger<ImportCommand> logger)
{
    public static Command Define(CommandActions actions)
    {
        var dataset = CliOptions.Text("--dataset", "The MovieLens folder (any format the importers read).", required: true);
        var skipBadLines = CliOptions.Flag("--skip-bad-lines", "Count and pass over bad lines instead of stopping at the first.");
        var command = new Command("import",
            "Imports a MovieLens dataset into the configured store. Importing twice stores nothing twice. Dataset users get accounts " +
            "that cannot log in until an administrator sets a password (users set-password); there is never a default password.")
        {
            dataset, skipBadLines,
        };
        return actions.Bind<ImportCommand>(command, (import, args, cancellationToken) =>
            import.RunAsync(args.GetValue(dataset)!, args.GetValue(skipBadLines), cancellationToken));
    }

    public async Task<int> RunAsync(string dataset, bool skipBadLines, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dataset)) throw new UsageException($"no such folder: {dataset}");
        var result = await progress.RunAsync(board => DatasetImporter.ImportAsync(store, dataset,
            new ImportOptions { SkipBadLines = skipBadLines, Progress = new ImportProgressBoard(board) }, cancellationToken));
        logger.LogInformation("Imported {Format} from {Dataset} in {Seconds:F2} s", result.Format, dataset, result.Elapsed.TotalSeconds);
        Console.WriteLine($"movies:  {result.Movies:N0} written");
        Console.WriteLine($"users:   {result.Users.Added:N0} added, {result.Users.AlreadyPresent:N0} already there");
        Console.WriteLine($"ratings: {result.Ratings.Added:N0} added, {result.Ratings.AlreadyPresent:N0} already there");
        if (result.SkippedLines > 0) Console.WriteLine($"skipped: {result.SkippedLines:N0} bad lines");
        if (result.CleanedTexts > 0) Console.WriteLine($"cleaned: {result.CleanedTexts:N0} titles or tags had control characters removed");
        Console.WriteLine($"time:    {result.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
