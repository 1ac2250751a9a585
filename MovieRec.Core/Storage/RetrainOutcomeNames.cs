namespace MovieRec.Core.Storage;

/// <summary>The stored spelling of <see cref="RetrainOutcome"/>, the same in both stores.</summary>
public static class RetrainOutcomeNames
{
    public static string Of(RetrainOutcome outcome) => outcome switch
    {
        RetrainOutcome.Published => "published",
        RetrainOutcome.Refused => "refused",
        RetrainOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static RetrainOutcome Parse(string stored) => stored switch
    {
        "published" => RetrainOutcome.Published,
        "refused" => RetrainOutcome.Refused,
        "failed" => RetrainOutcome.Failed,
        _ => throw new StoreException($"A retrain run has the unknown outcome '{stored}'."),
    };
}
