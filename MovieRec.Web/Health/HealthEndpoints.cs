using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MovieRec.Core.Storage;
using MovieRec.Web.Models;

namespace MovieRec.Web.Health;

/// <summary>
/// /health/live (the process answers), /health/ready (the store answers; a model is loaded or
/// popular movies are served) in the framework's plain-text format, and /health with the detail
/// monitors and the benchmark scripts read: store, model version and checksum.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddMovieRecHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<ModelHealthCheck>(ModelHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // No check at all: answering is the proof of life.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).WithTags("Health");
        // HEAD as well as GET: monitors and load balancers often probe with HEAD.
        app.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], CheckAsync).WithTags("Health").WithSummary("Store reachable, model loaded, and which model")
            .Produces<HealthDto>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public sealed record StoreHealthDto(string Provider, bool Reachable, int? Movies);

    /// <param name="Serving">what answers recommendations now: "model" or "popularity"</param>
    /// <param name="LastReload">the last attempt to load the model file: a refused file is named here, not only in the log</param>
    public sealed record ModelHealthDto(bool Loaded, uint? Version, string? Checksum, DateTimeOffset? TrainedAt, DateTimeOffset? LoadedAt, string Training,
        string Serving, LastReloadDto? LastReload);

    public sealed record LastReloadDto(DateTimeOffset At, string Trigger, bool Succeeded, string Message);

    /// <summary>Status is healthy, degraded (no model yet) or unhealthy (the store does not answer, with 503).</summary>
    public sealed record HealthDto(string Status, StoreHealthDto Store, ModelHealthDto Model);

    private static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> CheckAsync(
        HealthCheckService checks, IMovieRecStore store, ModelHolder holder, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var storeEntry = report.Entries[StoreHealthCheck.Name];
        bool reachable = storeEntry.Status == HealthStatus.Healthy;
        var model = holder.Current;
        var body = new HealthDto(
            report.Status.ToString().ToLowerInvariant(),
            new StoreHealthDto(store.Provider, reachable, storeEntry.Data.TryGetValue("movies", out var movies) ? (int)movies : null),
            new ModelHealthDto(model is not null, model?.File.Version, model?.File.Checksum, model?.File.Facts.TrainedAt, model?.LoadedAt,
                holder.Training.State.ToString(), model is null ? "popularity" : "model",
                holder.LastReload is { } reload ? new LastReloadDto(reload.At, reload.Trigger, reload.Succeeded, reload.Message) : null));
        return reachable ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
