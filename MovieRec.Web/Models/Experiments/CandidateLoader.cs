using Microsoft.Extensions.Options;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.ModelHistory;
using MovieRec.Web.Configuration;
using MovieRec.Web.Models.History;

namespace MovieRec.Web.Models.Experiments;

/// <summary>
/// Loads the experiment's candidate (Model:Experiment:Candidate) beside the active model, so the
/// holder serves two models while an experiment runs. The candidate is copied out of the history to
/// a file of its own beside Model:Path and loaded under the same limits as the active model. Once it
/// is the active version (`models promote`), the experiment is over and everyone gets the active
/// model. A candidate that fails to load is logged and everyone gets the active model meanwhile.
/// </summary>
public sealed class CandidateLoader(
    ModelHolder holder, ModelSettings settings, IModelRepository repository, ActiveVersionFollower follower,
    IOptions<ModelLoadingOptions> loading, TimeProvider time, ILogger<CandidateLoader> logger)
{
    /// <summary>The candidate's setting as the admin page shows it; null when none is configured.</summary>
    public ExperimentSettings? Configured => settings.Experiment;

    // The candidate's checksum once known: the active model having it means the candidate was promoted.
    private volatile string? _candidateChecksum;

    /// <summary>True once the candidate became the active version (here or on another instance): the experiment is over.</summary>
    public bool Promoted => settings.Experiment is { } experiment
                            && (follower.ActiveVersion == experiment.Candidate
                                || _candidateChecksum is { } checksum && holder.Current?.File.Checksum == checksum);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (settings.Experiment is not { } experiment || Promoted)
        {
            holder.SetCandidate(null);
            return;
        }
        if (holder.Candidate?.Version == experiment.Candidate) return;
        try
        {
            var facts = await repository.FindAsync(experiment.Candidate, cancellationToken);
            if (facts is null)
            {
                logger.LogWarning("The experiment's candidate {Version} is not in {Location}; everyone is served the active model",
                    experiment.Candidate, repository.Location);
                return;
            }
            _candidateChecksum = facts.Checksum;
            if (holder.Current?.File.Checksum == facts.Checksum)
            {
                holder.SetCandidate(null); // the candidate is what is active: nothing to compare
                return;
            }
            string path = Path.Combine(settings.Folder, $"candidate-{experiment.Candidate}.bin");
            if (!File.Exists(path) || ModelFile.ReadInfo(path).Checksum != facts.Checksum)
                await repository.CopyToAsync(experiment.Candidate, path, cancellationToken);
            var maxBytes = loading.Value.EffectiveMaxFileBytes;
            var (snapshot, info) = await Task.Run(() => (ModelFile.Read(path, maxBytes, out var read), read), cancellationToken)
                .WaitAsync(loading.Value.Timeout, time, cancellationToken);
            var model = new ActiveModel(snapshot, new Recommender(snapshot), info, time.GetUtcNow());
            holder.SetCandidate(new CandidateModel(experiment.Candidate, experiment.Share, model));
            logger.LogInformation("Experiment: candidate {Version} serves {Share:P0} of people beside the active model", experiment.Candidate, experiment.Share);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(error, "The experiment's candidate {Version} could not be loaded; everyone is served the active model", experiment.Candidate);
            holder.SetCandidate(null);
        }
    }
}
