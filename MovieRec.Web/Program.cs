using MovieRec.Web;
using MovieRec.Web.Api;
using MovieRec.Web.Cli;
using MovieRec.Web.Configuration;
using MovieRec.Web.FirstRun;
using MovieRec.Web.Health;
using MovieRec.Web.Hosting;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models.Experiments;
using MovieRec.Web.Security;
using Serilog;

Log.Logger = new LoggerConfiguration().Console().CreateLogger();
// ICU is on (for the username rules' Unicode normalisation); numbers and dates are still written
// the same way whatever the machine's locale, as they were in invariant mode.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
try
{
    // A command runs inside the same host (configuration, logging, services), without the server.
    if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);

    var builder = MovieRecHost.CreateBuilder(args);
    // wwwroot is served from the project through the build's static web assets manifest (a
    // published app has its own copy beside the program).
    builder.WebHost.UseStaticWebAssets();
    builder.ListenForMetrics();
    var app = builder.Build();

    // Before serving: check every setting, open the store and, on a first run, fill it from the MovieLens dataset.
    SettingsRegistration.ValidateNow(app.Services);
    await app.Services.PrepareFirstRunAsync();
    await app.Services.EnsureCandidateIsKeptAsync();

    app.UseMovieRecSecurity();
    app.UseSerilogRequestLogging();
    app.UseMovieRecErrorPages();
    app.UseApiBodyLimit();
    app.UseStaticFiles();
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapRazorPages();
    app.MapMovieRecApi();
    app.MapHealthEndpoints();
    app.MapMovieRecMetrics();
    app.MapOpenApi();
    app.LogListeningAddresses();
    await app.RunAsync();
    return 0;
}
catch (SettingsException error)
{
    Log.Fatal("MovieRec cannot start: {Reason}", error.Message);
    return 2;
}
catch (FirstRunException error)
{
    Log.Fatal("First run could not prepare the data: {Reason}", error.Message);
    return 2;
}
catch (Exception error) when (error is not HostAbortedException)
{
    Log.Fatal(error, "MovieRec stopped unexpectedly");
    return 1;
}
finally
{
    Log.CloseAndFlush();
}

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
