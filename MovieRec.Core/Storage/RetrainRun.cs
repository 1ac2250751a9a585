namespace MovieRec.Core.Storage;

/// <summary>How a retrain ended.</summary>
public enum RetrainOutcome
{
    /// <summary>The gate accepted the model and it was published.</summary>
    Published,

    /// <summary>The gate refused the model; the active one keeps serving.</summary>
    Refused,

    /// <summary>Training stopped with an error (or was stopped); the active model keeps serving.</summary>
    Failed,
}

/// <summary>
/// One retrain as the store keeps it.
/// </summary>
/// <param name="Trigger">What started it: "schedule", "ratings", "admin", "command", "first model".</param>
/// <param name="Holder">The process that ran it (host name, process id and a random suffix).</param>
/// <param name="Ratings">Ratings it trained and judged on (0 when it failed before reading them).</param>
/// <param name="HeldOutRmse">The new model's RMSE on the held-out slice.</param>
/// <param name="BiasOnlyRmse">Biases alone on the same slice, the gate's floor.</param>
/// <param name="CurrentRmse">The model it would replace on the same slice, when there was one.</param>
/// <param name="HeldOutNdcg">NDCG@10 of the new model on the held-out slice (relevant: rated 4 or more).</param>
/// <param name="RatingWritesAtStart"><see cref="IRetrainLog.RatingWritesAsync"/> when the run read the ratings: the "after N new ratings" trigger counts from here.</param>
public sealed record RetrainRun(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Trigger,
    string Holder,
    RetrainOutcome Outcome,
    string Reason,
    long Ratings,
    double? HeldOutRmse,
    double? BiasOnlyRmse,
    double? CurrentRmse,
    double? HeldOutNdcg,
    long RatingWritesAtStart)
{
    /// <summary>
    /// Whether <see cref="HeldOutRmse"/> is the rating people are shown (each person folded in from
    /// their training ratings, the served formula); false for runs recorded before the gate judged
    /// by that figure, whose RMSE is the factor model's with the trained user vectors.
    /// </summary>
    public bool HeldOutAsServed { get; init; }

    public TimeSpan Duration => FinishedAt - StartedAt;
}
