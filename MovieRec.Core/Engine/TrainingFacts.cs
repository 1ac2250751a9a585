namespace MovieRec.Core.Engine;

/// <summary>One line of a training curve: which model, which iteration, how well it fits.</summary>
public sealed record IterationReport(string Model, int Iteration, double TrainRmse, double? ValidationRmse, double Seconds);

/// <summary>What a model was trained on and how the training went.</summary>
public sealed record TrainingFacts
{
    public long RatingCount { get; init; }
    public int UserCount { get; init; }
    public int MovieCount { get; init; }
    public DateTimeOffset TrainedAt { get; init; }

    /// <summary>A hash of the training ratings, to tell whether two models saw the same data.</summary>
    public string DataFingerprint { get; init; } = "";

    public double TrainSeconds { get; init; }

    /// <summary>RMSE on a held-out slice, when the trainer was given one.</summary>
    public double? HeldOutRmse { get; init; }

    public IReadOnlyList<IterationReport> Curve { get; init; } = [];
}
