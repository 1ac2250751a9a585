using System.Net;
using MovieRec.Tests.Browser;

namespace MovieRec.Tests.Hosting;

/// <summary>With Metrics:Port the scrape endpoint answers there without sign-in, and only there; the app keeps its own address.</summary>
[Collection(nameof(AppProcess))]
public sealed class MetricsPortTests
{
    [Fact]
    public async Task Metrics_answer_on_their_own_port_and_not_on_the_app_address()
    {
        int metricsPort = ServerProcess.FreeLoopbackPort();
        await using var app = AppProcess.Start(ServerProcess.AddressConvention.AspNetCoreUrls,
            new Dictionary<string, string?> { ["Metrics__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await app.Server.WaitUntilAsync("/health/ready", (status, _) => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));

        using var scraper = new HttpClient();
        var metrics = await scraper.GetAsync($"http://localhost:{metricsPort}/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await metrics.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync(new Uri(app.Server.BaseAddress, "/metrics"))).StatusCode);
    }
}
