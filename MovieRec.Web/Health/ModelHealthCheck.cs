using Microsoft.Extensions.Diagnostics.HealthChecks;
using MovieRec.Web.Models;

namespace MovieRec.Web.Health;

/// <summary>
/// Healthy with a model loaded; degraded (still ready: popular movies are served) while there is
/// none yet. Never unhealthy: the app is useful without a model.
/// </summary>
public sealed class ModelHealthCheck(ModelHolder holder) : IHealthCheck
{
    public const string Name = "model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var model = holder.Current;
        var result = model is null
            ? HealthCheckResult.Degraded($"No model loaded: serving popular movies. Training: {holder.Training.State}.")
            : HealthCheckResult.Healthy($"Model {model.File.Checksum[..12]} loaded at {model.LoadedAt:O}.");
        return Task.FromResult(result);
    }
}
