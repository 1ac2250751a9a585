using MovieRec.Web.Accounts;
using MovieRec.Web.Configuration;
using MovieRec.Web.Hosting;
using OpenTelemetry.Metrics;

namespace MovieRec.Web.Metrics;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core's request instruments and the app's own) exported for
/// Prometheus. By default at Metrics:Path on the app's address for administrators; with
/// Metrics:Port on that port alone, open, for a scraper that cannot sign in.
/// </summary>
public static class MetricsRegistration
{
    /// <summary>The instruments always exist; with Metrics:Enabled=false nothing listens to them, so recording costs next to nothing.</summary>
    public static IServiceCollection AddMovieRecMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MovieRecMetrics>();
        if (!configuration.GetValue(MetricsOptions.SectionName + ":" + nameof(MetricsOptions.Enabled), true)) return services;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(MovieRecMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// Adds Metrics:Port to the addresses the server listens on, keeping whatever the usual
    /// conventions chose (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls, Urls, else http://localhost:5000).
    /// </summary>
    public static void ListenForMetrics(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled || options.Port is not { } port) return;
        builder.WebHost.UseUrls([.. ServerAddresses.Configured(builder.Configuration), $"http://localhost:{port}"]);
    }

    public static void MapMovieRecMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (!options.Enabled) return;
        var endpoint = app.MapPrometheusScrapingEndpoint(options.Path);
        if (options.Port is { } port) endpoint.RequireHost($"*:{port}");
        else endpoint.RequireAuthorization(AccountClaims.AdminPolicy);
    }
}
