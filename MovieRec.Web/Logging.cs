using Serilog;
using Serilog.Events;

namespace MovieRec.Web;

/// <summary>
/// Structured logs through Serilog, to standard error, so that a command's report on standard
/// output stays clean for pipes and files.
/// </summary>
public static class Logging
{
    public static LoggerConfiguration Console(this LoggerConfiguration configuration) =>
        configuration
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
}
