using MovieRec.Core.Engine;

namespace MovieRec.Core.ModelHistory;

/// <summary>
/// What is kept beside every accepted model in the history: what it was trained on, how it did on
/// the held-out slice and with which options. Written once when the model is published, never changed.
/// </summary>
public sealed record ModelVersionFacts
{
    /// <summary>The version's name (see <see cref="ModelVersionNames"/>): what `models activate` takes.</summary>
    public required string Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What produced it: "train", "retrain", "scheduled", "first run".</summary>
    public required string Source { get; init; }

    /// <summary>SHA-256 of the model file (the checksum it stores), 64 lower-case hex digits.</summary>
    public required string Checksum { get; init; }

    public required long SizeBytes { get; init; }

    public required int Users { get; init; }
    public required int Movies { get; init; }

    /// <summary>Ratings trained on (the held-out slice excluded).</summary>
    public required long Ratings { get; init; }

    /// <summary>The share of ratings kept out of training to judge the model; 0 when none was.</summary>
    public required double HeldOutShare { get; init; }

    /// <summary>A hash of the training ratings: two versions with the same fingerprint saw the same data.</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>RMSE on the held-out slice: of the rating people are shown when <see cref="HeldOutAsServed"/>, else of the factor model alone.</summary>
    public double? HeldOutRmse { get; init; }

    /// <summary>
    /// Whether <see cref="HeldOutRmse"/> and <see cref="HeldOutNdcg"/> were measured through the
    /// served path (each person folded in from their training ratings, the blended prediction and
    /// the served picks); false for versions kept before they were (their figures are the factor
    /// model's with the trained user vectors).
    /// </summary>
    public bool HeldOutAsServed { get; init; }

    /// <summary>RMSE of the model's biases alone on the same slice: the baseline the gate compares with.</summary>
    public double? BiasOnlyRmse { get; init; }

    /// <summary>NDCG@10 on the held-out slice (relevant: rated 4 or more), through the model's own picks.</summary>
    public double? HeldOutNdcg { get; init; }

    /// <summary>The retrain gate's verdict, when a gate judged it.</summary>
    public string? Verdict { get; init; }

    public required TrainerOptions Options { get; init; }
}
