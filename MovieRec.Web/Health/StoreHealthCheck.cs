using Microsoft.Extensions.Diagnostics.HealthChecks;
using MovieRec.Core.Storage;
using MovieRec.Web.Metrics;

namespace MovieRec.Web.Health;

/// <summary>The store answers a count of its movies; the count and provider go into the report's data.</summary>
public sealed class StoreHealthCheck(IMovieRecStore store, MovieRecMetrics metrics, ILogger<StoreHealthCheck> logger) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            int movies = await store.Movies.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"The {store.Provider} store answers.",
                new Dictionary<string, object> { ["provider"] = store.Provider, ["movies"] = movies });
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.StoreError("health check");
            logger.LogWarning(error, "Health check: the store did not answer");
            return HealthCheckResult.Unhealthy($"The {store.Provider} store did not answer.", data: new Dictionary<string, object> { ["provider"] = store.Provider });
        }
    }
}
