using MovieRec.Web;
using MovieRec.Web.Api;
using MovieRec.Web.Cli;
using MovieRec.Web.FirstRun;
using MovieRec.Web.Hosting;
using Serilog;

Log.Logger = new LoggerConfiguration().Console().CreateLogger();
try
{
    if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);

    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, configuration) => configuration.Console().ReadFrom.Configuration(builder.Configuration));
    builder.Services.AddMovieRecStore();
    builder.Services.AddMovieRecModel();
    builder.Services.AddMovieRecAccounts();
    builder.Services.AddMovieRecApi();
    builder.Services.AddRazorPages();

    var app = builder.Build();

    // Before serving: open the store and, on a first run, fill it from the MovieLens dataset.
    await app.Services.PrepareFirstRunAsync();

    app.UseSerilogRequestLogging();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseApiBodyLimit();
    app.UseStaticFiles();
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();

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
