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

    /// <summary>
    /// RMSE on a held-out slice, when the trainer was given one, of the factor formula with the
    /// trained user vectors (mu + b_u + b_i + w_u . q_i): without the neighbourhood term people are
    /// shown. Files written before <see cref="ServedHeldOutRmse"/> existed have only this figure.
    /// </summary>
    public double? HeldOutRmse { get; init; }

    /// <summary>
    /// RMSE on the same slice of the rating people are shown: each person folded in from their
    /// training ratings, predicted by the served formula (Scoring/ServedHeldOutRmse). Null in older
    /// files and when no slice was held out.
    /// </summary>
    public double? ServedHeldOutRmse { get; init; }

    /// <summary>The held-out RMSE to publish: the served one when measured, else the factor model's (older files).</summary>
    public double? PublishedHeldOutRmse => ServedHeldOutRmse ?? HeldOutRmse;

    /// <summary>Whether <see cref="PublishedHeldOutRmse"/> is the served figure.</summary>
    public bool HeldOutRmseIsServed => ServedHeldOutRmse is not null;

    public IReadOnlyList<IterationReport> Curve { get; init; } = [];
}
