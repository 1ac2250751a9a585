using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Storage.Sqlite;

/// <summary>
/// A writer process killed with SIGKILL in the middle of a stream of acknowledged ratings: every
/// rating it reported as committed must be in the file afterwards, and the file must be sound.
/// The writer is this assembly run as a program (Helpers/StoreWriterProgram.cs).
/// </summary>
public sealed class SqliteCrashTests : IDisposable
{
    private const int AcknowledgementsBeforeKill = 250;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task KilledWriter_LosesNoAcknowledgedRating_AndLeavesASoundFile()
    {
        var databasePath = Path.Combine(_folder.Path, "crash.db");
        using var writer = StartWriter(databasePath);
        var output = new StringBuilder();
        await ReadUntilAsync(writer, output, AcknowledgementsBeforeKill);

        writer.Kill(); // SIGKILL on Linux: no finaliser, no flush, no checkpoint
        await writer.WaitForExitAsync();
        // Lines already in the pipe were acknowledged too; a line cut by the kill was not.
        output.Append(await writer.StandardOutput.ReadToEndAsync());
        var acknowledged = AcknowledgedRatings(output.ToString());
        Assert.True(acknowledged.Count >= AcknowledgementsBeforeKill);

        Assert.Equal("ok", await IntegrityCheckAsync(databasePath));
        await using var store = await SqliteMovieRecStore.OpenAsync(databasePath, NullLoggerFactory.Instance);
        foreach (var (userId, movieId, value) in acknowledged)
            Assert.Equal((userId, movieId, (float?)value), (userId, movieId, (await store.Ratings.GetAsync(userId, movieId))?.Value));
        // At most the one write in flight at the kill may have landed without being printed.
        var stored = await store.Ratings.CountAsync();
        Assert.InRange(stored, acknowledged.Count, acknowledged.Count + 1);
        // Each rating and its statistics were committed together: nothing for a reconcile to fix.
        Assert.Equal(0, await store.ReconcileStatisticsAsync());
    }

    private static Process StartWriter(string databasePath)
    {
        var testsDll = typeof(Helpers.StoreWriterProgram).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(testsDll);
        start.ArgumentList.Add(Helpers.StoreWriterProgram.Verb);
        start.ArgumentList.Add(databasePath);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the writer");
    }

    /// <summary>Reads the writer's lines until it has acknowledged <paramref name="count"/> ratings.</summary>
    private static async Task ReadUntilAsync(Process writer, StringBuilder output, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var acknowledged = 0;
        while (acknowledged < count)
        {
            var line = await writer.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
                Assert.Fail($"The writer stopped early (exit code {await ExitCodeAsync(writer)}): {await writer.StandardError.ReadToEndAsync()}");
            output.Append(line).Append('\n');
            if (line != "ready")
                acknowledged++;
        }
    }

    private static async Task<int> ExitCodeAsync(Process writer)
    {
        await writer.WaitForExitAsync();
        return writer.ExitCode;
    }

    private static List<(int UserId, int MovieId, float Value)> AcknowledgedRatings(string output)
    {
        // Only lines ended by a newline count: text after the last newline was cut off by the kill.
        var complete = output[..(output.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line != "ready")
            .Select(line => line.Split(','))
            .Select(f => (int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), float.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static async Task<string?> IntegrityCheckAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string?)await command.ExecuteScalarAsync();
    }
}
