using System.Net;
using MovieRec.Tests.Browser;

namespace MovieRec.Tests.Hosting;

/// <summary>
/// The app listens where any ASP.NET Core app would be told to: ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS,
/// --urls and the Urls setting all work (none is shadowed by a setting in appsettings.json), and with
/// none of them it takes http://localhost:5000.
/// </summary>
[Collection(nameof(AppProcess))]
public sealed class AddressTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(ServerProcess.AddressConvention.AspNetCoreUrls)]
    [InlineData(ServerProcess.AddressConvention.HttpPorts)]
    [InlineData(ServerProcess.AddressConvention.UrlsArgument)]
    [InlineData(ServerProcess.AddressConvention.UrlsSetting)]
    public async Task Each_address_convention_is_where_the_app_answers(ServerProcess.AddressConvention convention)
    {
        await using var app = AppProcess.Start(convention);
        await app.Server.WaitUntilAsync("/health/live", (status, body) => status == HttpStatusCode.OK && body == "Healthy", Patience);
        Assert.Contains($":{app.Server.BaseAddress.Port}", app.Server.Output);
    }

    [Fact]
    public async Task With_no_address_configured_the_app_takes_localhost_port_5000()
    {
        await using var app = AppProcess.Start(ServerProcess.AddressConvention.None);
        // Another server on this machine may hold port 5000: then the app must have failed trying
        // to bind exactly that address, which proves the default as well as answering there would.
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !app.Server.HasExited && !app.Server.Output.Contains("listening on", StringComparison.Ordinal))
            await Task.Delay(100);
        string output = app.Server.Output;
        Assert.True(output.Contains("listening on: http://localhost:5000", StringComparison.Ordinal)
                    || (app.Server.HasExited && output.Contains("127.0.0.1:5000", StringComparison.Ordinal) && output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)),
            output);
    }
}
