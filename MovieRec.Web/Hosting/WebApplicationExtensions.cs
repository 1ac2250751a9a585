using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MovieRec.Web.FirstRun;

namespace MovieRec.Web.Hosting;

/// <summary>Startup steps of the web host that are not middleware.</summary>
public static class WebApplicationExtensions
{
    /// <summary>Opens the store (once, for the process) and runs the first-run import when it is empty.</summary>
    public static Task PrepareFirstRunAsync(this IServiceProvider services) =>
        services.GetRequiredService<FirstRunSetup>().PrepareAsync();

    /// <summary>Logs the addresses the server really listens on (the Urls setting, or what the command line chose).</summary>
    public static void LogListeningAddresses(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is { Count: > 0 })
                app.Logger.LogInformation("MovieRec is listening on {Addresses}", string.Join(", ", addresses));
        });
}
