using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using MovieRec.Core.Benchmarks;
using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Web.Cli;

/// <summary>
/// bench store: the embedded store's write speed in a fresh temporary SQLite file — the import of
/// a MovieLens dataset (or a synthetic one of any size), then single rating upserts (each its own transaction with synchronous
/// FULL, as the app does them) from 1 and from 8 concurrent writers.
/// </summary>
public sealed class BenchStoreCommand(ILoggerFactory loggers)
{
    public static Command Define(CommandActions actions)
    {
        var dataset = CliOptions.Text("--dataset", "The MovieLens folder to import.");
        var synthetic = SyntheticOption.Define("Import a synthetic dataset instead (written as a MovieLens CSV folder first, not timed):");
        var upserts = CliOptions.Int("--upserts", "Rating upserts per writer count (default 2000).", 1, 10_000_000);
        var writers = CliOptions.Text("--writers", "Writer counts to try, like 1,8 (the default).");
        var json = CliOptions.Text("--json", "Also write the figures as JSON to this file.");
        var command = new Command("store",
            "Import time of the dataset into a fresh SQLite file, then rating upserts from each writer count, as upserts per second.")
        {
            dataset, synthetic, upserts, writers, json,
        };
        return actions.Bind<BenchStoreCommand>(command, (bench, args, _) => bench.RunAsync(args.GetValue(dataset),
            SyntheticOption.Read(args, synthetic), args.GetValue(upserts) ?? 2000,
            args.GetValue(writers) ?? "1,8", args.GetValue(json), args.Tokens.Select(token => token.Value).ToList()));
    }

    public async Task<int> RunAsync(string? dataset, SyntheticShape? synthetic, int upserts, string writersText, string? jsonPath, IReadOnlyList<string> commandLine)
    {
        if ((dataset is null) == (synthetic is null)) throw new UsageException("give either --dataset DIR or --synthetic [USERS,MOVIES,RATINGS]");
        int[] writerCounts = ParseWriters(writersText);

        string folder = Directory.CreateTempSubdirectory("movierec-bench-store-").FullName;
        try
        {
            string source = synthetic is { } shape ? WriteSynthetic(shape, folder) : dataset!;
            await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(folder, "bench.db"), loggers);
            var import = await DatasetImporter.ImportAsync(store, source);
            Console.WriteLine($"import of {source}: {import.Ratings.Added:N0} ratings, {import.Users.Added:N0} users, {import.Movies:N0} movies in {import.Elapsed.TotalSeconds:F2} s");

            var userIds = Enumerable.Range(1, 500).ToArray();
            var movieIds = MovieLensDataset.Open(source).ReadMovies().Select(m => m.MovieId).ToArray();
            await store.Users.ImportAsync(userIds.Select(id => ImportedUser.FromDataset(id)));
            var rates = new Dictionary<string, double>();
            foreach (int writers in writerCounts)
            {
                double perSecond = await UpsertsPerSecondAsync(store, writers, upserts, userIds, movieIds);
                rates[$"upserts_per_second_{writers}_writers"] = perSecond;
                Console.WriteLine($"upserts, synchronous FULL, {writers} writer{(writers > 1 ? "s" : "")}: {perSecond:N0} per second ({upserts:N0} upserts)");
            }
            Console.WriteLine($"machine: {MachineInfo.Describe()}");
            Console.WriteLine($"command: {MachineInfo.CommandLine(commandLine)}");
            if (jsonPath is not null)
            {
                var json = new Dictionary<string, object> { ["import_seconds"] = import.Elapsed.TotalSeconds, ["import_ratings"] = import.Ratings.Added };
                foreach (var (key, value) in rates) json[key] = value;
                File.WriteAllText(jsonPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>Total upserts spread over the writers, each an acknowledged single-rating write.</summary>
    private static async Task<double> UpsertsPerSecondAsync(IMovieRecStore store, int writers, int total, int[] userIds, int[] movieIds)
    {
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer + 1);
            for (int n = writer; n < total; n += writers)
            {
                var rating = new Rating(userIds[random.Next(userIds.Length)], movieIds[random.Next(movieIds.Length)],
                    random.Next(1, 11) / 2f, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                await store.Ratings.UpsertAsync(rating);
            }
        }));
        await Task.WhenAll(tasks);
        return total / clock.Elapsed.TotalSeconds;
    }

    private string WriteSynthetic(SyntheticShape shape, string folder)
    {
        var logger = loggers.CreateLogger<BenchStoreCommand>();
        logger.LogInformation("Writing {Ratings:N0} synthetic ratings ({Users:N0} users, {Movies:N0} movies) as a MovieLens folder", shape.Ratings, shape.Users, shape.Movies);
        string dataset = Directory.CreateDirectory(Path.Combine(folder, "synthetic")).FullName;
        SyntheticDatasetFolder.Write(dataset, shape.Movies, SyntheticRatings.Generate(shape));
        return dataset;
    }

    private static int[] ParseWriters(string text)
    {
        var counts = text.Split(',').Select(part => int.TryParse(part, out int n) && n is >= 1 and <= 64 ? n : -1).ToArray();
        if (counts.Length == 0 || counts.Any(n => n < 0)) throw new UsageException($"--writers takes a list like 1,8 (each 1..64), not \"{text}\"");
        return counts;
    }
}
