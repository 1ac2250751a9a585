using MovieRec.Core.Engine;

namespace MovieRec.Core.Retraining;

/// <summary>
/// How a retrain went: the data it saw, the held-out figures, the gate's verdict, and (set by the
/// web layer's retrain service once it has published an accepted model) whether it was written and
/// as which history version.
/// </summary>
public sealed record RetrainResult(
    long DatasetRatings,
    long StoreRatings,
    long MergedRatings,
    double NewRmse,
    double BiasOnlyRmse,
    double? CurrentRmse,
    GateVerdict Verdict,
    bool Written,
    ModelSnapshot Model)
{
    /// <summary>NDCG@10 on the held-out slice (see <see cref="HeldOutRanking"/>), null when nobody there rated 4 or more.</summary>
    public double? HeldOutNdcg { get; init; }

    public double HeldOutShare { get; init; }

    /// <summary>Whether <see cref="NewRmse"/> was measured through the served path (see <see cref="TrainingFacts.HeldOutRmseIsServed"/>).</summary>
    public bool HeldOutAsServed => Model.Facts.HeldOutRmseIsServed;

    /// <summary>The history version the model was published as, when it was.</summary>
    public string? Version { get; init; }
}
