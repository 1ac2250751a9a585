using MovieRec.Core.Engine;

namespace MovieRec.Web.Retraining;

/// <summary>
/// Where this instance's running retrain stands, from the trainer's own iteration reports: what
/// started it, when, and the training steps done out of the steps planned (the rating model's
/// iterations, then the ranking model's). Written by the training thread, read by requests: each
/// change replaces one immutable snapshot.
/// </summary>
public sealed class RetrainProgress
{
    private volatile RetrainProgressSnapshot? _current;

    /// <summary>The running retrain, or null when none runs in this instance.</summary>
    public RetrainProgressSnapshot? Current => _current;

    public void Begin(string trigger, DateTimeOffset startedAt, TrainerOptions options) =>
        _current = new RetrainProgressSnapshot(trigger, startedAt, "reading the ratings", 0,
            options.Iterations + (options.Ranking ? options.RankingIterations : 0), options.Iterations);

    /// <summary>The trainer's report after each iteration of each model.</summary>
    public void Report(IterationReport report)
    {
        if (_current is not { } current) return;
        bool ranking = report.Model == ImplicitAls.CurveName;
        int done = Math.Min(current.TotalSteps, (ranking ? current.RatingSteps : 0) + report.Iteration);
        string phase = done >= current.TotalSteps
            ? "measuring the new model on the held-out slice and publishing it"
            : $"training the {report.Model} model (iteration {report.Iteration})";
        _current = current with { Phase = phase, StepsDone = done };
    }

    public void End() => _current = null;
}

/// <param name="RatingSteps">Iterations of the rating model, which come first; the ranking model's follow.</param>
public sealed record RetrainProgressSnapshot(string Trigger, DateTimeOffset StartedAt, string Phase, int StepsDone, int TotalSteps, int RatingSteps)
{
    public int Percent => TotalSteps == 0 ? 0 : (int)Math.Round(100.0 * StepsDone / TotalSteps);
}
