namespace MovieRec.Core.Evaluation;

/// <summary>
/// Accuracy of one user's ranked list against that user's relevant test items (EVALUATION.md).
/// <c>ranked</c> is best first; only its first <c>k</c> entries count.
/// </summary>
public static class TopNMetrics
{
    /// <summary>How many of the first k ranked movies are relevant.</summary>
    public static int Hits(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        RequirePositive(k);
        int hits = 0;
        int length = Math.Min(k, ranked.Count);
        for (int i = 0; i < length; i++)
        {
            if (relevant.Contains(ranked[i]))
                hits++;
        }
        return hits;
    }

    /// <summary>hits / k. A list shorter than k is not excused: the missing slots count as misses.</summary>
    public static double Precision(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        Hits(ranked, relevant, k) / (double)k;

    /// <summary>hits / |relevant| (not capped at k, as the protocol defines it).</summary>
    public static double Recall(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        RequireRelevant(relevant);
        return Hits(ranked, relevant, k) / (double)relevant.Count;
    }

    /// <summary>Whether at least one of the first k ranked movies is relevant; HitRate is its mean over users.</summary>
    public static bool IsHit(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        Hits(ranked, relevant, k) > 0;

    /// <summary>
    /// DCG / ideal DCG with binary gains and discount 1 / log2(rank + 1), rank counted from 1.
    /// The ideal list puts min(|relevant|, k) hits at the top.
    /// </summary>
    public static double Ndcg(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        RequirePositive(k);
        RequireRelevant(relevant);
        double dcg = 0;
        int length = Math.Min(k, ranked.Count);
        for (int i = 0; i < length; i++)
        {
            if (relevant.Contains(ranked[i]))
                dcg += Discount(rank: i + 1);
        }
        double idealDcg = 0;
        int idealHits = Math.Min(relevant.Count, k);
        for (int rank = 1; rank <= idealHits; rank++)
            idealDcg += Discount(rank);
        return dcg / idealDcg;
    }

    private static double Discount(int rank) => 1.0 / Math.Log2(rank + 1);

    private static void RequirePositive(int k)
    {
        if (k <= 0)
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be positive");
    }

    // Users without relevant items are not evaluated; for them recall and NDCG are 0 / 0.
    private static void RequireRelevant(IReadOnlySet<int> relevant)
    {
        if (relevant.Count == 0)
            throw new ArgumentException("the user has no relevant items: the metric is undefined", nameof(relevant));
    }
}
