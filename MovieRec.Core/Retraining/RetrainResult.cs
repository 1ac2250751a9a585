using MovieRec.Core.Engine;

namespace MovieRec.Core.Retraining;

/// <summary>How a retrain went: the data it saw, the held-out figures, the gate's verdict, whether the file was written.</summary>
public sealed record RetrainResult(
    long DatasetRatings,
    long StoreRatings,
    long MergedRatings,
    double NewRmse,
    double BiasOnlyRmse,
    double? CurrentRmse,
    GateVerdict Verdict,
    bool Written,
    ModelSnapshot Model);
