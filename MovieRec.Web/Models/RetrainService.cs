using MovieRec.Core.Engine;
using MovieRec.Core.Retraining;
using MovieRec.Core.Storage;
using MovieRec.Web.Models.History;

namespace MovieRec.Web.Models;

/// <summary>
/// Retrains from the store behind the gate and publishes an accepted model: the one path of the
/// `retrain` command, the first run's training and the scheduled retrain. A model written to
/// Model:Path becomes the active version for every instance; one written elsewhere (--output, for
/// an A/B candidate) is kept in the history and written there, and the active model is untouched.
/// </summary>
public sealed class RetrainService(IMovieRecStore store, ModelPublisher publisher, ModelSettings settings)
{
    /// <param name="source">What asked: "retrain", "scheduled", "first run" (kept with the version).</param>
    /// <param name="trainOn">Where training runs: the thread pool (null), or the app's low-priority training threads for a retrain while serving.</param>
    public async Task<RetrainResult> RunAsync(RetrainRequest request, string source, Action<IterationReport>? report = null,
        CancellationToken cancellationToken = default, TaskScheduler? trainOn = null)
    {
        // The trainer is CPU-bound and synchronous inside: keep it off the caller's thread.
        var result = await Task.Factory.StartNew(() => Retrainer.RunAsync(store, request, report, cancellationToken), cancellationToken,
            TaskCreationOptions.DenyChildAttach, trainOn ?? TaskScheduler.Default).Unwrap();
        if (!result.Verdict.Accepted) return result;

        bool active = string.Equals(Path.GetFullPath(request.OutputPath), settings.Path, StringComparison.Ordinal);
        var facts = await publisher.PublishAsync(result.Model, new ModelPublication(source, request.HeldOutShare, active,
            result.BiasOnlyRmse, result.HeldOutNdcg, result.Verdict.Reason), cancellationToken);
        if (!active) await Task.Run(() => ModelFile.Write(result.Model, request.OutputPath), cancellationToken);
        return result with { Written = true, Version = facts.Version };
    }
}
