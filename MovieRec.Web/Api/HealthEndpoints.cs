using MovieRec.Core.Storage;
using MovieRec.Web.Models;

namespace MovieRec.Web.Api;

/// <summary>GET /health: whether the store answers and which model is loaded, for monitors and load balancers.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).WithTags("Health").WithSummary("Store reachable, model loaded, and which model");
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
            },
        };
        // Without a model the app still serves (popular movies), so that is not a failure.
        return Results.Json(body, statusCode: movies is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
