using System.CommandLine;
using System.Diagnostics;
using MovieRec.Core.Benchmarks;
using MovieRec.Core.Catalog;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Web.Caching;
using MovieRec.Web.People;
using Microsoft.Extensions.Options;

namespace MovieRec.Web.Cli;

/// <summary>
/// bench hidden: the picks of a person who hid many movies, as the app computes them — their
/// ratings, hidden list and settings read from a fresh temporary SQLite store, fold-in, exclusion,
/// top-N at their familiar/new step and the reasons — against the same person with nothing hidden,
/// the two timed in alternation so that other load on the machine falls on both alike. Timed twice:
/// reading the hidden list from the store on every call, and as the app serves it, from the
/// person's kept state checked by one version read (<see cref="PersonStates"/>).
/// </summary>
public sealed class BenchHiddenCommand(ILoggerFactory loggers, MovieRecCache cache)
{
    public static Command Define(CommandActions actions)
    {
        var model = CliOptions.Text("--model", "The model file (its catalogue must hold more movies than --hidden).", required: true);
        var hidden = CliOptions.Int("--hidden", "Movies the person hid (default 10,000).", 1, 10_000_000);
        var personRatings = CliOptions.Int("--person-ratings", "Movies the person rated (default 50).", 1, 100_000);
        var samples = CliOptions.Int("--samples", "Calls timed per case (default 300).", 10, 1_000_000);
        var command = new Command("hidden",
            "p50 / p99 / max latency of a person's picks (store reads, fold-in, exclusion, top-N at each familiar/new step named below, reasons) " +
            "with --hidden movies hidden and with none, alternating.")
        {
            model, hidden, personRatings, samples,
        };
        return actions.Bind<BenchHiddenCommand>(command, (bench, args, _) => bench.RunAsync(args.GetValue(model)!, args.GetValue(hidden) ?? 10_000,
            args.GetValue(personRatings) ?? 50, args.GetValue(samples) ?? 300, args.Tokens.Select(token => token.Value).ToList()));
    }

    public async Task<int> RunAsync(string modelPath, int hiddenCount, int personRatings, int samples, IReadOnlyList<string> commandLine)
    {
        var snapshot = ModelFile.Read(modelPath);
        int items = snapshot.Items.Count;
        if (hiddenCount + personRatings + 100 > items)
        {
            Console.Error.WriteLine($"The model knows {items:N0} movies: too few to hide {hiddenCount:N0} and rate {personRatings:N0} and still pick.");
            return 2;
        }
        var served = new ServedRecommender(new Recommender(snapshot));
        var random = new Random(1);
        var order = Enumerable.Range(0, items).Select(snapshot.Items.IdOf).OrderBy(_ => random.Next()).ToArray();

        string folder = Directory.CreateTempSubdirectory("movierec-bench-hidden-").FullName;
        try
        {
            await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(folder, "bench.db"), loggers);
            await store.Movies.UpsertManyAsync(order.Select(id => new Movie(id, $"Movie {id}", null, [])));
            var hider = await store.Users.CreateAsync("hider", null);
            var plain = await store.Users.CreateAsync("plain", null);
            var rated = order.Take(personRatings).ToArray();
            await store.Ratings.ImportAsync(rated.SelectMany(id => new[]
            {
                new Rating(hider.UserId, id, random.Next(1, 11) / 2f, 1), new Rating(plain.UserId, id, random.Next(1, 11) / 2f, 1),
            }));
            var clock = Stopwatch.StartNew();
            foreach (int id in order.Skip(personRatings).Take(hiddenCount))
                await store.PersonLists.AddAsync(hider.UserId, PersonList.Hidden, id);
            Console.WriteLine($"stored {hiddenCount:N0} hidden movies in {clock.Elapsed.TotalSeconds:F1} s (one write each, as the app does them)");

            using var people = new PersonStates(store, Options.Create(cache.Options), TimeProvider.System);
            foreach (int step in new[] { FamiliarNew.DefaultStep, FamiliarNew.MostNew })
            {
                await store.PersonSettings.SaveAsync(hider.UserId, PersonSettings.Default with { FamiliarNewStep = step });
                await store.PersonSettings.SaveAsync(plain.UserId, PersonSettings.Default with { FamiliarNewStep = step });
                foreach (bool cached in new[] { false, true })
                {
                    Func<int, Task<Exclusions>> hiddenOf = cached
                        ? async userId => (await people.OfAsync(userId)).Hidden
                        : async userId => Exclusions.None.With(await store.PersonLists.ListAsync(userId, PersonList.Hidden));
                    var hiderReads = new List<double>();
                    var plainReads = new List<double>();
                    var (withHidden, without) = await AlternateAsync(samples,
                        () => PicksAsync(store, served, hider.UserId, hiddenOf, hiderReads), () => PicksAsync(store, served, plain.UserId, hiddenOf, plainReads));
                    string how = cached ? "as served (cached hidden set)" : "hidden list read each call  ";
                    Console.WriteLine($"step {step} ({FamiliarNew.Name(step)}), {how}, {hiddenCount:N0} hidden: p50 {withHidden.P50Ms,7:F2} ms   p99 {withHidden.P99Ms,7:F2} ms   max {withHidden.MaxMs,7:F2} ms   (store reads p50 {Median(hiderReads):F2} ms)");
                    Console.WriteLine($"step {step} ({FamiliarNew.Name(step)}), {how}, none hidden:   p50 {without.P50Ms,7:F2} ms   p99 {without.P99Ms,7:F2} ms   max {without.MaxMs,7:F2} ms   (store reads p50 {Median(plainReads):F2} ms)");
                }
            }
            Console.WriteLine($"model {modelPath}: {items:N0} movies, rank {snapshot.Rank}; {personRatings} ratings; {samples} samples per case after {samples / 10} warm-up calls; SQLite in {folder}");
            Console.WriteLine($"machine: {MachineInfo.Describe()}");
            Console.WriteLine($"command: {MachineInfo.CommandLine(commandLine)}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // What PersonalPicks does for one page of 12 picks, minus the movie records: store reads, fold-in, top-N, reasons.
    private static async Task<int> PicksAsync(IMovieRecStore store, ServedRecommender served, int userId, Func<int, Task<Exclusions>> hiddenOf,
        List<double> storeReads)
    {
        long start = Stopwatch.GetTimestamp();
        var ratings = (await store.Ratings.ListByUserAsync(userId)).Select(r => new PersonRating(r.MovieId, r.Value)).ToList();
        var hidden = await hiddenOf(userId);
        var settings = await store.PersonSettings.GetAsync(userId);
        storeReads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return served.Picks(ratings, hidden, 12, explain: true, settings.FamiliarNewStep).Count;
    }

    private static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static async Task<(LatencySummary First, LatencySummary Second)> AlternateAsync(int samples, Func<Task<int>> first, Func<Task<int>> second)
    {
        for (int n = 0; n < Math.Max(5, samples / 10); n++)
        {
            await first();
            await second();
        }
        var a = new double[samples];
        var b = new double[samples];
        for (int n = 0; n < samples; n++)
        {
            long start = Stopwatch.GetTimestamp();
            await first();
            a[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            await second();
            b[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return (LatencySummary.Of(a), LatencySummary.Of(b));
    }
}
