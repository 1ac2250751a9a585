namespace MovieRec.Web.Models;

/// <summary>
/// The one place the live model is kept. A swap is a single reference assignment to a volatile
/// field: readers see the old model or the new one, never a mix, and need no lock.
/// </summary>
public sealed class ModelHolder
{
    private volatile ActiveModel? _current;
    private volatile ReloadOutcome? _lastReload;
    private volatile TrainingStatus _training = TrainingStatus.NotNeeded;

    /// <summary>The model to score with, or null before the first one is loaded (popularity is served meanwhile).</summary>
    public ActiveModel? Current => _current;

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

    internal void SetTraining(TrainingStatus status) => _training = status;
}
