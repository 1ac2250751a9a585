using MovieRec.Core.Storage;
using MovieRec.Web.Models;

namespace MovieRec.Web.Api;

/// <summary>GET /health: whether the store answers and which model is loaded, for monitors and load balancers.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // HEAD as well as GET: monitors and load balancers often probe with HEAD.
        app.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], CheckAsync).WithTags("Health").WithSummary("Store reachable, model loaded, and which model");
        return app;
    }

    private static async Task<IResult> CheckAsync(IMovieRecStore store, ModelHolder holder, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        int? movies = null;
        try
        {
            movies = await store.Movies.CountAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            loggers.CreateLogger("MovieRec.Web.Health").LogWarning(error, "Health check: the store did not answer");
        }
        var model = holder.Current;
        var reload = holder.LastReload;
        var body = new
        {
            status = movies is null ? "unhealthy" : model is null ? "degraded" : "healthy",
            store = new { provider = store.Provider, reachable = movies is not null, movies },
            model = new
            {
                loaded = model is not null,
                version = model?.File.Version,
                checksum = model?.File.Checksum,
                trainedAt = model?.File.Facts.TrainedAt,
                loadedAt = model?.LoadedAt,
                training = holder.Training.State.ToString(),
                // What answers recommendations now, and why: a refused file is named here, not only in the log.
                serving = model is null ? "popularity" : "model",
                lastReload = reload is null ? null : new { at = reload.At, trigger = reload.Trigger, succeeded = reload.Succeeded, message = reload.Message },
            },
        };
        // Without a model the app still serves (popular movies), so that is not a failure.
        return Results.Json(body, statusCode: movies is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
