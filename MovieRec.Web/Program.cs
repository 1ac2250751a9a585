using MovieRec.Web;
using MovieRec.Web.Cli;
using Serilog;

Log.Logger = new LoggerConfiguration().Console().CreateLogger();
try
{
    if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);

    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, configuration) => configuration.Console().ReadFrom.Configuration(builder.Configuration));
    builder.Services.AddRazorPages();

    var app = builder.Build();
    app.UseSerilogRequestLogging();
    app.UseStaticFiles();
    app.UseRouting();
    app.MapRazorPages();
    app.MapGet("/health", () => Results.Json(new { status = "ok" }));
    await app.RunAsync();
    return 0;
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
