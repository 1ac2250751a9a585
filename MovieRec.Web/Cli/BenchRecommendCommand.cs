using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using MovieRec.Core.Benchmarks;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Recommending;

namespace MovieRec.Web.Cli;

/// <summary>
/// bench recommend: latency of the three questions a request asks of a model — top-N picks for a
/// known user, similar movies of a movie, and fold-in of a new user's ratings — over random
/// users and movies, after a warm-up, one call at a time.
/// </summary>
public sealed class BenchRecommendCommand
{
    public static Command Define(CommandActions actions)
    {
        var model = CliOptions.Text("--model", "The model file.", required: true);
        var samples = CliOptions.Int("--samples", "Calls timed per question (default 2000; picks: a tenth).", 10, 1_000_000);
        var n = CliOptions.Int("--n", "Movies per answer (default 10).", 1, 1000);
        var personRatings = CliOptions.Int("--person-ratings", "Ratings of the person whose served picks are timed (default 6,919).", 1, 10_000_000);
        var seed = CliOptions.Int("--seed", "Seed of the random users and movies (default 1).");
        var json = CliOptions.Text("--json", "Also write the figures as JSON to this file.");
        var command = new Command("recommend",
            "p50 / p99 / max latency of top-N (N = 10), similar movies, fold-in (20 to 100 ratings) and the served picks of a person with " +
            "--person-ratings ratings: fold-in, exclusion of what they rated, top-N and the \"because you rated\" reasons, as the app serves them.")
        {
            model, samples, n, personRatings, seed, json,
        };
        return actions.Bind<BenchRecommendCommand>(command, (bench, args) => bench.Run(args.GetValue(model)!, args.GetValue(samples) ?? 2000,
            args.GetValue(n) ?? 10, args.GetValue(personRatings) ?? 6_919, args.GetValue(seed) ?? 1, args.GetValue(json),
            args.Tokens.Select(token => token.Value).ToList()));
    }

    public int Run(string path, int samples, int n, int personRatings, int seed, string? jsonPath, IReadOnlyList<string> commandLine)
    {
        long loadStart = Stopwatch.GetTimestamp();
        var model = ModelFile.Read(path);
        var loadTime = Stopwatch.GetElapsedTime(loadStart);
        var recommender = new Recommender(model);
        var random = new Random(seed);
        var noExclusions = new HashSet<int>();
        int users = model.Users.Count, items = model.Items.Count;

        var topN = Measure(samples, () =>
        {
            var profile = FoldIn.Known(model, random.Next(users));
            return () => recommender.Recommend(profile, n, noExclusions);
        });
        var similar = Measure(samples, () =>
        {
            int movieId = model.Items.IdOf(random.Next(items));
            return () => recommender.Similar(movieId, n);
        });
        var foldIn = Measure(samples, () =>
        {
            var ratings = Enumerable.Range(0, random.Next(20, 101))
                .Select(_ => (model.Items.IdOf(random.Next(items)), (double)random.Next(1, 11) / 2)).ToArray();
            return () => FoldIn.Compute(model, ratings);
        });

        var served = new ServedRecommender(recommender);
        var picks = Measure(Math.Max(10, samples / 10), () =>
        {
            // Distinct movies, as a person's stored ratings are.
            var ratings = Enumerable.Range(0, items).OrderBy(_ => random.Next()).Take(personRatings)
                .Select(i => new PersonRating(model.Items.IdOf(i), random.Next(1, 11) / 2.0)).ToArray();
            return () => served.Picks(ratings, Exclusions.None, n);
        });

        Console.WriteLine($"model {path}: {users:N0} users, {items:N0} movies, rank {model.Rank}, ranking rank {model.Ranking?.Rank.ToString() ?? "none"}; {samples} samples each (picks: a tenth, {Math.Min(personRatings, items):N0} ratings each), N = {n}");
        Console.WriteLine($"model load {loadTime.TotalSeconds:F2} s ({new FileInfo(path).Length / (1024.0 * 1024):F1} MiB, read and checked)");
        foreach (var (name, latency) in new[] { ("top-N", topN), ("similar", similar), ("fold-in", foldIn), ("picks", picks) })
            Console.WriteLine($"{name,-8} p50 {latency.P50Ms,8:F3} ms   p99 {latency.P99Ms,8:F3} ms   max {latency.MaxMs,8:F3} ms");
        // Top-N is one pass of 2 x movies x (rank + 1) operations (scores and biases), on one thread.
        var machine = MachineRateProbe.Measure(threads: 1);
        Console.WriteLine($"top-N scoring at p50: {machine.ShareOf(2.0 * items * (model.Rank + 1) / (topN.P50Ms / 1e3) / 1e9)}; {machine}");
        Console.WriteLine($"machine: {MachineInfo.Describe()}");
        Console.WriteLine($"command: {MachineInfo.CommandLine(commandLine)}");
        if (jsonPath is not null)
        {
            var json = new
            {
                topn = topN.ToJson(),
                similar = similar.ToJson(),
                foldin = foldIn.ToJson(),
                picks = picks.ToJson(),
                picksPersonRatings = Math.Min(personRatings, items),
                loadSeconds = loadTime.TotalSeconds,
            };
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        }
        return 0;
    }

    /// <summary>
    /// Times <paramref name="samples"/> calls, each prepared outside the timing by
    /// <paramref name="prepare"/>, after a warm-up of a tenth as many.
    /// </summary>
    private static LatencySummary Measure(int samples, Func<Func<object>> prepare)
    {
        for (int n = 0; n < Math.Max(10, samples / 10); n++) prepare()();
        var timings = new double[samples];
        for (int n = 0; n < samples; n++)
        {
            var call = prepare();
            long start = Stopwatch.GetTimestamp();
            call();
            timings[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return LatencySummary.Of(timings);
    }
}
