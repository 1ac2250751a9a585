using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Browser;
using MovieRec.Tests.Web;
using Xunit.Abstractions;

namespace MovieRec.Tests.Crash;

/// <summary>
/// The real server process, killed with SIGKILL while several clients send ratings, then started
/// again: every rating that got a 2xx answer must be stored with its value, and every movie's
/// statistics must equal a recount. CI runs <see cref="DefaultRounds"/> rounds; the bench
/// (bench/crash.sh) sets MOVIEREC_CRASH_ROUNDS=20.
/// </summary>
public sealed class ServerCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int DefaultRounds = 3;
    private const int Clients = 4;
    private const int MovieCount = 400;

    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_acknowledged_rating_survives_a_sigkill_and_statistics_equal_a_recount()
    {
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("MOVIEREC_CRASH_ROUNDS"), out int asked) && asked > 0 ? asked : DefaultRounds;
        string dataset = WriteDataset();
        var environment = new Dictionary<string, string?>
        {
            ["Storage__SqlitePath"] = Path.Combine(_folder, "movierec.db"),
            ["Model__Path"] = Path.Combine(_folder, "model.bin"),
            ["Data__DatasetPath"] = dataset,
            ["Serilog__MinimumLevel__Default"] = "Warning",
            // Every round registers its clients from 127.0.0.1, all at once: their password hashes
            // run side by side so the clients are rating within the round's first second.
            ["SignInLimits__RegistrationsPerAddressPerHour"] = "100000",
            ["SignInLimits__ConcurrentHashes"] = "4",
        };
        var acknowledged = new ConcurrentDictionary<(string User, int MovieId), float>();
        var random = new Random(20261123);

        for (int round = 1; round <= rounds; round++)
        {
            await using var server = ServerProcess.Start(environment, _folder);
            await server.WaitUntilAsync("/health", (status, body) => status == HttpStatusCode.OK && body.Contains("\"reachable\":true"), TimeSpan.FromSeconds(60));

            int before = acknowledged.Count;
            using var stop = new CancellationTokenSource();
            var writing = Enumerable.Range(0, Clients).Select(_ => new TaskCompletionSource()).ToArray();
            var clients = Enumerable.Range(0, Clients)
                .Select(client => SendRatingsAsync(server.BaseAddress, $"r{round}-c{client}", acknowledged, writing[client], stop.Token))
                .ToList();
            // Let the writes get going (every client has had a rating acknowledged, however slow the
            // machine is at hashing passwords), then pull the plug at a random moment.
            await Task.WhenAny(Task.WhenAll(writing.Select(s => s.Task)), Task.Delay(Helpers.Eventually.Patience));
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(700, 1500)));
            await server.KillAsync();
            stop.Cancel();
            await Task.WhenAll(clients);
            output.WriteLine($"round {round}: SIGKILL after {acknowledged.Count - before} acknowledged ratings this round; {acknowledged.Count} in all so far");

            await AssertEverythingAcknowledgedIsStoredAsync(acknowledged);
        }
        Assert.True(acknowledged.Count > rounds * Clients, $"only {acknowledged.Count} ratings were acknowledged: the test did not test much");

        // A last start on the data the crashes left: the server comes up and serves it.
        await using var last = ServerProcess.Start(environment, _folder);
        await last.WaitUntilAsync("/health", (status, body) => status == HttpStatusCode.OK && body.Contains("\"reachable\":true"), TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Registers a user, then rates movies one after another until the server is gone;
    /// <paramref name="writing"/> is set once the first rating is acknowledged (or the client gave up).
    /// </summary>
    private static async Task SendRatingsAsync(Uri server, string user, ConcurrentDictionary<(string, int), float> acknowledged,
        TaskCompletionSource writing, CancellationToken stop)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        // Generous: registering hashes a password, slow on two loaded cores; a killed server fails requests at once anyway.
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var registered = await client.RegisterAsync(user);
            if (registered.StatusCode != HttpStatusCode.Redirect) return;
            string token = await client.ApiTokenAsync();
            var random = new Random(user.GetHashCode());
            foreach (int movieId in Enumerable.Range(1, MovieCount).OrderBy(_ => random.Next()))
            {
                if (stop.IsCancellationRequested) return;
                float value = random.Next(1, 11) / 2f;
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/ratings/{movieId}")
                {
                    Content = new StringContent(string.Create(CultureInfo.InvariantCulture, $"{{\"rating\": {value}}}"), System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-CSRF-TOKEN", token);
                using var response = await client.SendAsync(request, stop);
                if (!response.IsSuccessStatusCode) continue;
                acknowledged[(user, movieId)] = value;
                writing.TrySetResult();
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or OperationCanceledException or Xunit.Sdk.XunitException)
        {
            // The server died mid-request: that request was never acknowledged.
        }
        finally
        {
            writing.TrySetResult(); // also when signing in failed: the round goes on
        }
    }

    private async Task AssertEverythingAcknowledgedIsStoredAsync(ConcurrentDictionary<(string User, int MovieId), float> acknowledged)
    {
        await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder, "movierec.db"), NullLoggerFactory.Instance);
        foreach (var group in acknowledged.GroupBy(pair => pair.Key.User))
        {
            var account = await store.Users.GetByNameAsync(group.Key);
            Assert.True(account is not null, $"user {group.Key} got acknowledged ratings but is not stored");
            var stored = (await store.Ratings.ListByUserAsync(account!.UserId)).ToDictionary(r => r.MovieId, r => r.Value);
            foreach (var ((_, movieId), value) in group)
            {
                Assert.True(stored.TryGetValue(movieId, out float found), $"{group.Key}'s acknowledged rating of movie {movieId} is missing");
                Assert.Equal(value, found);
            }
        }
        // Zero movies corrected: the live statistics equal a recount from the ratings.
        Assert.Equal(0, await store.ReconcileStatisticsAsync());
    }

    /// <summary>A MovieLens CSV folder of <see cref="MovieCount"/> movies, so each client has plenty to rate.</summary>
    private string WriteDataset()
    {
        string folder = Path.Combine(_folder, "dataset");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "movies.csv"),
            ["movieId,title,genres", .. Enumerable.Range(1, MovieCount).Select(id => $"{id},Movie {id} ({1950 + id % 70}),{(id % 2 == 0 ? "Drama" : "Comedy")}")]);
        File.WriteAllLines(Path.Combine(folder, "ratings.csv"),
            ["userId,movieId,rating,timestamp", .. Enumerable.Range(1, 60).Select(n => $"{n % 6 + 1},{n},{(n % 9 + 1) / 2.0:0.0},{1_600_000_000 + n}")]);
        File.WriteAllLines(Path.Combine(folder, "tags.csv"), ["userId,movieId,tag,timestamp"]);
        File.WriteAllLines(Path.Combine(folder, "links.csv"), ["movieId,imdbId,tmdbId"]);
        return folder;
    }
}
