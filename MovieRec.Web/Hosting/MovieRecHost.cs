using MovieRec.Web.Api;
using MovieRec.Web.Cli;
using MovieRec.Web.Configuration;
using MovieRec.Web.Health;
using MovieRec.Web.Metrics;
using MovieRec.Web.Security;
using Serilog;

namespace MovieRec.Web.Hosting;

/// <summary>
/// The one composition root: the web app and every command are built here, with the same
/// configuration sources, logging and service registrations. A command builds the host and
/// resolves its class from it without starting the server.
/// </summary>
public static class MovieRecHost
{
    /// <param name="args">the web host's arguments (--urls, --Key=value); empty for a command</param>
    /// <param name="overrides">settings added after every other source (the commands' tests)</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IConfiguration? overrides = null)
    {
        // The content root is the program's own folder (appsettings.json sits there), not the folder
        // it runs in: `dotnet run` starts in the repository root so that data/ is the repository's.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null) builder.Configuration.AddConfiguration(overrides);
        builder.Services.AddSerilog((services, configuration) => configuration.Console().ReadFrom.Configuration(builder.Configuration));
        builder.AddMovieRecSecurity();
        builder.Services.AddMovieRecSettings();
        builder.Services.AddMovieRecStore();
        builder.Services.AddMovieRecModel();
        builder.Services.AddMovieRecAccounts();
        builder.Services.AddMovieRecApi();
        builder.Services.AddMovieRecHealthChecks();
        builder.Services.AddMovieRecMetrics(builder.Configuration);
        builder.Services.AddMovieRecCommands();
        builder.Services.AddRazorPages();
        return builder;
    }
}
