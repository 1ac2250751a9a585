using MovieRec.Web;
using MovieRec.Web.Api;
using MovieRec.Web.Cli;
using MovieRec.Web.FirstRun;
using MovieRec.Web.Hosting;
using MovieRec.Web.Security;
using Serilog;

Log.Logger = new LoggerConfiguration().Console().CreateLogger();
// ICU is on (for the username rules' Unicode normalisation); numbers and dates are still written
// the same way whatever the machine's locale, as they were in invariant mode.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
try
{
    if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);

    // The content root is the program's own folder (appsettings.json sits there), not the folder
    // it runs in: `dotnet run` starts in the repository root so that data/ is the repository's.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    // wwwroot is served from the project through the build's static web assets manifest (a
    // published app has its own copy beside the program).
    builder.WebHost.UseStaticWebAssets();
    builder.Services.AddSerilog((services, configuration) => configuration.Console().ReadFrom.Configuration(builder.Configuration));
    builder.AddMovieRecSecurity();
    builder.Services.AddMovieRecStore();
    builder.Services.AddMovieRecModel();
    builder.Services.AddMovieRecAccounts();
    builder.Services.AddMovieRecApi();
    builder.Services.AddRazorPages();

    var app = builder.Build();

    // Before serving: open the store and, on a first run, fill it from the MovieLens dataset.
    await app.Services.PrepareFirstRunAsync();

    app.UseMovieRecSecurity();
    app.UseSerilogRequestLogging();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseApiBodyLimit();
    app.UseStaticFiles();
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapRazorPages();
    app.MapMovieRecApi();
    app.MapOpenApi();
    app.LogListeningAddresses();
    await app.RunAsync();
    return 0;
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
