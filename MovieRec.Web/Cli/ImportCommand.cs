using Microsoft.Extensions.Configuration;
using MovieRec.Core.Import;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>import: a MovieLens dataset into the configured store, idempotently.</summary>
public static class ImportCommand
{
    public const string Usage = """
        import --dataset DIR [--skip-bad-lines]
          Imports a MovieLens dataset (any format the importers read) into the configured store.
          Importing twice stores nothing twice. Dataset users get accounts that cannot log in until
          an administrator sets a password (users set-password); there is never a default password.
        """;

    public static async Task<int> RunAsync(CommandArguments args, IConfiguration configuration)
    {
        string dataset = args.RequiredText("dataset");
        bool skipBadLines = args.Bool("skip-bad-lines") ?? false;
        args.RejectUnknown();
        if (!Directory.Exists(dataset)) throw new UsageException($"no such folder: {dataset}");

        await using var store = await StoreAccess.OpenAsync(configuration);
        var options = new ImportOptions { SkipBadLines = skipBadLines, Progress = new ImportProgressLog() };
        var result = await DatasetImporter.ImportAsync(store, dataset, options);
        Log.Information("Imported {Format} from {Dataset} in {Seconds:F2} s", result.Format, dataset, result.Elapsed.TotalSeconds);
        Console.WriteLine($"movies:  {result.Movies:N0} written");
        Console.WriteLine($"users:   {result.Users.Added:N0} added, {result.Users.AlreadyPresent:N0} already there");
        Console.WriteLine($"ratings: {result.Ratings.Added:N0} added, {result.Ratings.AlreadyPresent:N0} already there");
        if (result.SkippedLines > 0) Console.WriteLine($"skipped: {result.SkippedLines:N0} bad lines");
        Console.WriteLine($"time:    {result.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
