using MovieRec.Core.Storage;
using MovieRec.Web.Models.Experiments;

namespace MovieRec.Web.Models;

/// <summary>
/// The one place the live models are kept: the active one and, while an A/B experiment runs, its
/// candidate. A swap is a single reference assignment to a volatile field: readers see the old
/// model or the new one, never a mix, and need no lock.
/// </summary>
public sealed class ModelHolder
{
    private volatile ActiveModel? _current;
    private volatile CandidateModel? _candidate;
    private volatile ReloadOutcome? _lastReload;
    private volatile TrainingStatus _training = TrainingStatus.NotNeeded;

    /// <summary>The model to score with, or null before the first one is loaded (popularity is served meanwhile).</summary>
    public ActiveModel? Current => _current;

    /// <summary>The experiment's candidate, loaded; null when no experiment runs.</summary>
    public CandidateModel? Candidate => _candidate;

    /// <summary>
    /// The model that serves this person: the candidate for the experiment's share of people, the
    /// active model for everyone else (and for everyone when no experiment runs); null before the
    /// first model is loaded.
    /// </summary>
    public ServedArm? ServingFor(int userId)
    {
        var current = _current;
        if (current is null) return null;
        if (_candidate is not { } candidate) return new ServedArm(current, null, null);
        return ExperimentAssignment.IsCandidate(candidate.Version, userId, candidate.Share)
            ? new ServedArm(candidate.Model, candidate.Version, ExperimentArms.Candidate)
            : new ServedArm(current, candidate.Version, ExperimentArms.Control);
    }

    public ReloadOutcome? LastReload => _lastReload;

    public TrainingStatus Training => _training;

    /// <summary>Raised after a new model is swapped in, for what was computed from the old one (cached lists).</summary>
    public event Action<ActiveModel>? Swapped;

    internal void Activate(ActiveModel model, ReloadOutcome outcome)
    {
        _current = model;
        _lastReload = outcome;
        Swapped?.Invoke(model);
    }

    internal void RecordRefusal(ReloadOutcome outcome) => _lastReload = outcome;

    /// <summary>
    /// Starts serving the candidate to its share of people, or (null) ends the experiment's serving.
    /// Similar-movie lists stay the active model's, so nothing cached needs dropping.
    /// </summary>
    internal void SetCandidate(CandidateModel? candidate) => _candidate = candidate;

    internal void SetTraining(TrainingStatus status) => _training = status;
}
