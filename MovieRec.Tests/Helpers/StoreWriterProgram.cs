using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Helpers;

/// <summary>
/// The child process of the storage crash test, run as `dotnet MovieRec.Tests.dll store-writer
/// &lt;sqlite-path&gt;` (this is the test assembly's entry point; the test runner never calls it):
/// it writes ratings one by one to a SQLite store and prints "userId,movieId,value" for each only
/// after its commit returned, so every printed line is an acknowledged write. The test kills it
/// with SIGKILL mid-stream and checks that every printed rating survived.
/// </summary>
public static class StoreWriterProgram
{
    public const string Verb = "store-writer";

    private const int UserCount = 20;
    private const int MovieCount = 500;

    // Bounded so that it stops by itself if nobody kills it.
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromSeconds(60);

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Verb, var path])
        {
            Console.Error.WriteLine($"usage: dotnet MovieRec.Tests.dll {Verb} <sqlite-path>");
            return 2;
        }
        await using var store = await SqliteMovieRecStore.OpenAsync(path, NullLoggerFactory.Instance);
        await store.Users.ImportAsync(Enumerable.Range(1, UserCount).Select(ImportedUser.FromDataset));
        await store.Movies.UpsertManyAsync(Enumerable.Range(1, MovieCount).Select(id => new Movie(id, $"Movie {id}", 2000, ["Drama"])));
        Console.Out.WriteLine("ready");

        // Each (user, movie) pair is written once, so a printed line names exactly one stored value.
        var deadline = DateTime.UtcNow + MaxRunTime;
        for (var i = 0; i < UserCount * MovieCount && DateTime.UtcNow < deadline; i++)
        {
            var rating = new Rating(i / MovieCount + 1, i % MovieCount + 1, (i % 10 + 1) * 0.5f, 1_700_000_000 + i);
            await store.Ratings.UpsertAsync(rating);
            // Console.Out flushes every write: the line leaves the process right after the commit.
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rating.UserId},{rating.MovieId},{rating.Value}"));
        }
        return 0;
    }
}
