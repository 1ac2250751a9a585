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
            "p50 / p99 / max latency of top-N (N = 10), similar movies, fold-in (20 to 100 ratings, and 500) and the served picks of a person with " +
            "--person-ratings ratings: fold-in, exclusion of what they rated, top-N and the \"because you rated\" reasons, as the app serves them; " +
            "then the same person again (fold-in cached) and a person of 60 ratings right after each new rating.")
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

        long candidates = 0;
        var topN = Measure(samples, () =>
        {
            var profile = FoldIn.Known(model, random.Next(users));
            return () =>
            {
                var best = recommender.Recommend(profile, n, noExclusions);
                candidates += ExactTopN.LastCandidates;
                return best;
            };
        });
        // The single-precision pass over every movie that the int8 pass replaced, for comparison in the same process.
        var everyScore = new float[items];
        var fullPass = Measure(samples, () =>
        {
            var profile = FoldIn.Known(model, random.Next(users));
            return () =>
            {
                ScoringIndex.MultiplyRows(recommender.Index.PickRows, recommender.Index.PickQuery(profile), everyScore);
                return TopNSelector.Select(everyScore, n);
            };
        });
        // The warm-up's calls count too: an average over all calls made.
        double candidatesPerCall = candidates / (double)(samples + Math.Max(10, samples / 10));
        long similarCandidates = 0;
        var similar = Measure(samples, () =>
        {
            int movieId = model.Items.IdOf(random.Next(items));
            return () =>
            {
                var best = recommender.Similar(movieId, n);
                similarCandidates += ExactTopN.LastCandidates;
                return best;
            };
        });
        var foldIn = Measure(samples, () =>
        {
            var ratings = Enumerable.Range(0, random.Next(20, 101))
                .Select(_ => (model.Items.IdOf(random.Next(items)), (double)random.Next(1, 11) / 2)).ToArray();
            return () => FoldIn.Compute(model, ratings);
        });

        // The 500-rating fold-in of issue 14's budget.
        var foldIn500 = Measure(samples, () =>
        {
            var ratings = DistinctRatings(model, random, 500).Select(r => (r.MovieId, r.Value)).ToArray();
            return () => FoldIn.Compute(model, ratings);
        });

        var served = new ServedRecommender(recommender);
        int personId = 0;
        var picks = Measure(Math.Max(10, samples / 10), () =>
        {
            var ratings = DistinctRatings(model, random, personRatings);
            int person = ++personId; // a new person each time: the fold-in cache cannot help
            return () => served.Picks(served.Profile(person, ratings), ratings, Exclusions.None, n);
        });
        // The same person again with the same ratings (the next page, a reload): the cached fold-in.
        var heavy = DistinctRatings(model, random, personRatings);
        served.Profile(-1, heavy);
        var picksCached = Measure(Math.Max(10, samples / 10), () => () => served.Picks(served.Profile(-1, heavy), heavy, Exclusions.None, n));
        // A person of a few dozen ratings, and one of a thousand, who has just rated one more: their
        // fold-in is computed afresh. Each keeps its size (the oldest rating makes way): until
        // session 5 the first grew by a rating a sample, to about 1,100 by the last of 1,100 calls.
        Timed AfterANewRating(int size, int personId)
        {
            var person = new RollingRatings(DistinctRatings(model, random, size));
            return Measure(samples, () =>
            {
                var now = person.RateOneMore(model.Items.IdOf(random.Next(items)), random.Next(1, 11) / 2.0);
                return () => served.Picks(served.Profile(personId, now), now, Exclusions.None, n);
            });
        }
        var afterRating = AfterANewRating(60, personId: -2);
        var afterRatingThousand = AfterANewRating(1000, personId: -3);

        Console.WriteLine($"model {path}: {users:N0} users, {items:N0} movies, rank {model.Rank}, ranking rank {model.Ranking?.Rank.ToString() ?? "none"}; {samples} samples each (picks: a tenth, {Math.Min(personRatings, items):N0} ratings each), N = {n}");
        Console.WriteLine($"model load {loadTime.TotalSeconds:F2} s ({new FileInfo(path).Length / (1024.0 * 1024):F1} MiB, read and checked)");
        foreach (var (name, latency) in new[]
        {
            ("top-N", topN), ("top-N, full float pass", fullPass), ("similar", similar), ("fold-in", foldIn), ("fold-in 500", foldIn500), ("picks", picks),
            ("picks, cached fold-in", picksCached), ("picks after a new rating (60)", afterRating),
            ("picks after a new rating (1000)", afterRatingThousand),
        })
            Console.WriteLine($"{name,-30} p50 {latency.Wall.P50Ms,8:F3} ms   p99 {latency.Wall.P99Ms,8:F3} ms   max {latency.Wall.MaxMs,8:F3} ms   " +
                $"| CPU p50 {latency.Cpu.P50Ms,8:F3} ms   p99 {latency.Cpu.P99Ms,8:F3} ms");
        Console.WriteLine(ThreadCpuTime.IsCpuTime ? "CPU: the calling thread's CPU time of the same calls" : "CPU: not readable here; wall time again");
        Console.WriteLine($"top-N: {candidatesPerCall:F0} of {items:N0} movies scored exactly per call on average (the rest by the int8 pass alone); " +
            $"similar: {similarCandidates / (double)(samples + Math.Max(10, samples / 10)):F0}");
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
                topnFullPass = fullPass.ToJson(),
                similar = similar.ToJson(),
                foldin = foldIn.ToJson(),
                foldin500 = foldIn500.ToJson(),
                picks = picks.ToJson(),
                picksCached = picksCached.ToJson(),
                picksAfterRating = afterRating.ToJson(),
                picksAfterRatingThousand = afterRatingThousand.ToJson(),
                topnExactlyScored = candidatesPerCall,
                picksPersonRatings = Math.Min(personRatings, items),
                loadSeconds = loadTime.TotalSeconds,
            };
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        }
        return 0;
    }

    /// <summary>Ratings of distinct movies (as a person's stored ratings are), random values on the half-star scale.</summary>
    private static PersonRating[] DistinctRatings(ModelSnapshot model, Random random, int count)
    {
        int items = model.Items.Count;
        count = Math.Min(count, items);
        var chosen = new HashSet<int>();
        // Draws until enough distinct movies: quick while count is well below the catalogue, else a shuffle.
        if (count <= items / 2) while (chosen.Count < count) chosen.Add(random.Next(items));
        else chosen = Enumerable.Range(0, items).OrderBy(_ => random.Next()).Take(count).ToHashSet();
        return chosen.Select(i => new PersonRating(model.Items.IdOf(i), random.Next(1, 11) / 2.0)).ToArray();
    }

    /// <summary>
    /// Times <paramref name="samples"/> calls, each prepared outside the timing by
    /// <paramref name="prepare"/>, after a warm-up of a tenth as many.
    /// </summary>
    private static Timed Measure(int samples, Func<Func<object>> prepare)
    {
        for (int n = 0; n < Math.Max(10, samples / 10); n++) prepare()();
        var timings = new double[samples];
        var cpu = new double[samples];
        for (int n = 0; n < samples; n++)
        {
            var call = prepare();
            long cpuStart = ThreadCpuTime.Now();
            long start = Stopwatch.GetTimestamp();
            call();
            timings[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[n] = (ThreadCpuTime.Now() - cpuStart) / 1e6;
        }
        return new Timed(LatencySummary.Of(timings), LatencySummary.Of(cpu));
    }

    /// <summary>Wall-clock latency, and the CPU time of the same calls (what a loaded machine does not inflate).</summary>
    private readonly record struct Timed(LatencySummary Wall, LatencySummary Cpu)
    {
        public double P50Ms => Wall.P50Ms;

        public object ToJson() => new { wall = Wall.ToJson(), cpu = Cpu.ToJson() };
    }
}
