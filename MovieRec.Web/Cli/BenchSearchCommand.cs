using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using MovieRec.Core.Benchmarks;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Web.Cli;

/// <summary>
/// bench search: latency of title suggestions and of the search page's store work over a synthetic
/// catalogue of --movies titles (MovieLens 32M's 87,585 by default) in a fresh temporary SQLite
/// file, one call at a time after a warm-up: suggestions for every prefix a person types of random
/// titles, suggestions for titles typed with one mistake, and the page's query (page 1 by
/// popularity, plus the nearest titles when it finds nothing) for words and for typos.
/// </summary>
public sealed class BenchSearchCommand(ILoggerFactory loggers)
{
    public static Command Define(CommandActions actions)
    {
        var movies = CliOptions.Int("--movies", $"Titles in the synthetic catalogue (default {SyntheticCatalogue.MovieLens32MMovies:N0}).", 100, 1_000_000);
        var titles = CliOptions.Int("--titles", "Random titles typed per measurement (default 300).", 10, 100_000);
        var seed = CliOptions.Int("--seed", "Seed of the catalogue and the typing (default 1).");
        var json = CliOptions.Text("--json", "Also write the figures as JSON to this file.");
        var command = new Command("search",
            "p50 / p99 / max latency of GET /api/movies/suggest's store call (each prefix as typed, and titles with a typing mistake) " +
            "and of the search page's store work, on a synthetic catalogue in a fresh SQLite file.")
        {
            movies, titles, seed, json,
        };
        return actions.Bind<BenchSearchCommand>(command, (bench, args, _) => bench.RunAsync(args.GetValue(movies) ?? SyntheticCatalogue.MovieLens32MMovies,
            args.GetValue(titles) ?? 300, args.GetValue(seed) ?? 1, args.GetValue(json), args.Tokens.Select(token => token.Value).ToList()));
    }

    public async Task<int> RunAsync(int movieCount, int titleCount, int seed, string? jsonPath, IReadOnlyList<string> commandLine)
    {
        string folder = Directory.CreateTempSubdirectory("movierec-bench-search-").FullName;
        try
        {
            await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(folder, "bench.db"), loggers);
            var clock = Stopwatch.StartNew();
            var catalogue = SyntheticCatalogue.Movies(movieCount, seed);
            await store.Movies.UpsertManyAsync(catalogue);
            var ratings = await AddPopularityAsync(store, catalogue, seed);
            Console.WriteLine($"catalogue: {movieCount:N0} synthetic titles and {ratings:N0} ratings written in {clock.Elapsed.TotalSeconds:F1} s");

            var random = new Random(seed + 1);
            var typed = Enumerable.Range(0, titleCount).Select(_ => SyntheticCatalogue.AsTyped(catalogue[random.Next(catalogue.Count)])).ToList();
            var prefixes = typed.SelectMany(text => Enumerable.Range(2, Math.Max(0, Math.Min(text.Length, 16) - 1)).Select(n => text[..n].TrimEnd()))
                .Where(text => text.Length >= 2).ToList();
            var typos = typed.Select(text => SyntheticCatalogue.WithTypo(text, random)).ToList();
            var words = typed.Select(text => text.Split(' ').OrderByDescending(w => w.Length).First()).ToList();

            // Warm-up: the statements are compiled and the pages of the file are in the cache.
            foreach (var text in prefixes.Take(200)) await store.Movies.SuggestAsync(text, 8);

            var timed = new Dictionary<string, (LatencySummary Wall, LatencySummary Cpu)>
            {
                ["suggest_prefixes"] = await TimeAsync(prefixes, text => store.Movies.SuggestAsync(text, 8)),
                ["suggest_typos"] = await TimeAsync(typos, text => store.Movies.SuggestAsync(text, 8)),
                ["search_page_words"] = await TimeAsync(words, text => SearchPageAsync(store, text)),
                ["search_page_typos"] = await TimeAsync(typos, text => SearchPageAsync(store, text)),
            };
            var calls = new Dictionary<string, int>
            {
                ["suggest_prefixes"] = prefixes.Count, ["suggest_typos"] = typos.Count,
                ["search_page_words"] = words.Count, ["search_page_typos"] = typos.Count,
            };
            foreach (var (name, (wall, cpu)) in timed)
                Console.WriteLine($"{name,-18} {calls[name],6:N0} calls  p50 {wall.P50Ms,7:F2} ms  p99 {wall.P99Ms,7:F2} ms  max {wall.MaxMs,7:F2} ms" +
                                  $"   cpu p50 {cpu.P50Ms,6:F2} ms  p99 {cpu.P99Ms,6:F2} ms");
            Console.WriteLine($"machine: {MachineInfo.Describe()}");
            Console.WriteLine($"command: {MachineInfo.CommandLine(commandLine)}");
            if (jsonPath is not null)
            {
                var json = timed.ToDictionary(pair => pair.Key, pair => new { wall = pair.Value.Wall.ToJson(), cpu = pair.Value.Cpu.ToJson() });
                File.WriteAllText(jsonPath, JsonSerializer.Serialize(new { movies = movieCount, ratings, figures = json }, new JsonSerializerOptions { WriteIndented = true }));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>What the Movies page asks of the store for a search: page 1, and the nearest titles when nothing matched.</summary>
    private static async Task SearchPageAsync(IMovieRecStore store, string text)
    {
        var page = await store.Movies.QueryAsync(new MovieQuery { TitleContains = text, PageSize = MovieQuery.DefaultPageSize });
        if (page.TotalCount == 0) await store.Movies.SuggestAsync(text, Pages.Movies.IndexModel.NearTitleCount);
    }

    /// <summary>
    /// Wall-clock time of each call, and the processor time its thread spent in it: on a shared
    /// machine the first includes waiting for a core, the second is the work itself. The SQLite
    /// store's calls complete on the calling thread (Microsoft.Data.Sqlite's async methods run
    /// synchronously), so the thread's clock sees all of their work.
    /// </summary>
    private static async Task<(LatencySummary Wall, LatencySummary Cpu)> TimeAsync(IReadOnlyList<string> texts, Func<string, Task> call)
    {
        var wall = new List<double>(texts.Count);
        var cpu = new List<double>(texts.Count);
        foreach (var text in texts)
        {
            var thread = Environment.CurrentManagedThreadId;
            long cpuBefore = ThreadCpuTime.Now();
            long start = Stopwatch.GetTimestamp();
            await call(text);
            wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (thread == Environment.CurrentManagedThreadId) cpu.Add((ThreadCpuTime.Now() - cpuBefore) / 1e6);
        }
        return (LatencySummary.Of(wall), cpu.Count > 0 ? LatencySummary.Of(cpu) : default);
    }

    /// <summary>A long tail of rating counts over the catalogue in random order, so "most rated first" has something to sort.</summary>
    private static async Task<long> AddPopularityAsync(IMovieRecStore store, IReadOnlyList<Core.Catalog.Movie> catalogue, int seed)
    {
        var order = catalogue.Select(m => m.MovieId).ToArray();
        new Random(seed + 2).Shuffle(order);
        int users = SyntheticCatalogue.RatingCount(0);
        await store.Users.ImportAsync(Enumerable.Range(1, users).Select(ImportedUser.FromDataset));
        var ratings = new List<Rating>();
        for (var rank = 0; rank < order.Length; rank++)
            for (var user = 1; user <= SyntheticCatalogue.RatingCount(rank); user++)
                ratings.Add(new Rating(user, order[rank], 3.5f, 1_000));
        await store.Ratings.ImportAsync(ratings);
        return ratings.Count;
    }
}
