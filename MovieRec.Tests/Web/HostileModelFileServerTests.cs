using System.Net;
using System.Text.Json;
using MovieRec.Core.Engine;
using MovieRec.Tests.Browser;
using MovieRec.Tests.Engine;

namespace MovieRec.Tests.Web;

/// <summary>
/// The real server in a child process with a 512 MB heap limit (DOTNET_GCHeapHardLimit, as in a
/// container), started on a hostile model file: it must keep running and serve popularity, say on
/// /health and /Model that the file was refused, survive a FIFO put in the file's place, and load
/// a good file put there afterwards.
/// </summary>
public sealed class HostileModelFileServerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-hostile-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_huge_model_file_then_a_fifo_never_stop_a_heap_limited_server_and_a_good_file_still_loads()
    {
        string dataset = Path.Combine(_folder, "ml-latest-small");
        TinyMovieLens.WriteTo(dataset);
        string modelPath = Path.Combine(_folder, "model.bin");
        HostileModelFiles.WriteSparseHuge(modelPath, rank: 134_217_000);

        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DOTNET_GCHeapHardLimit"] = "0x20000000", // 512 MB
            ["Storage__SqlitePath"] = Path.Combine(_folder, "movierec.db"),
            ["Model__Path"] = modelPath,
            ["Model__PollSeconds"] = "1",
            ["Data__DatasetPath"] = dataset,
        }, _folder);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        await server.WaitUntilAsync("/health", (status, body) => status == HttpStatusCode.OK && body.Contains("\"succeeded\":false"), TimeSpan.FromSeconds(60));
        var health = await HealthAsync(client);
        Assert.Equal("popularity", health.GetProperty("serving").GetString());
        Assert.Contains("TooLarge", health.GetProperty("lastReload").GetProperty("message").GetString());
        // The model page is for administrators (ModelReloadTests reads "Refused" there as one); a visitor gets 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Model")).StatusCode);
        Assert.Contains("data-section=\"popular-chart\"", await client.GetStringAsync("/"));

        // No Server header from Kestrel, and HEAD works on /health.
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.False(head.Headers.Contains("Server"), "the Server header names the web server to attackers");

        // A FIFO in the file's place: refused at once, and the periodic check goes on.
        File.Delete(modelPath);
        HostileModelFiles.MakeFifo(modelPath);
        await server.WaitUntilAsync("/health", (_, body) => body.Contains("NotARegularFile"), TimeSpan.FromSeconds(30));

        // A good file replaces it: loaded.
        string good = Path.Combine(_folder, "good.bin");
        ModelFile.Write(TinyMovieLens.TrainModel(), good);
        File.Delete(modelPath);
        File.Move(good, modelPath);
        await server.WaitUntilAsync("/health", (_, body) => body.Contains("\"serving\":\"model\""), TimeSpan.FromSeconds(30));
        Assert.False(server.HasExited, server.Output);
    }

    private static async Task<JsonElement> HealthAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("model");
}
