namespace MovieRec.Core.Engine;

/// <summary>Rejects hyper-parameters that cannot train, with a message naming the option.</summary>
public static class TrainerOptionsValidator
{
    /// <summary>
    /// The EASE weights are N x N single-precision numbers whatever the catalogue: 4,000 movies are
    /// 64 MB in memory and in the file, and N^3 / 2 multiply-adds to fit; beyond that it belongs elsewhere.
    /// </summary>
    public const int MaxEaseItems = 4_000;

    public static IReadOnlyList<string> Problems(TrainerOptions o)
    {
        var problems = new List<string>();
        if (o.Rank < 1 || o.Rank > 1024) problems.Add($"rank must be 1..1024 (got {o.Rank})");
        if (!(o.Lambda > 0) || !double.IsFinite(o.Lambda)) problems.Add($"lambda must be a positive number (got {o.Lambda})");
        if (!IsFiniteAtLeastZero(o.ItemBiasShrinkage)) problems.Add($"item bias shrinkage must be a number, zero or more (got {o.ItemBiasShrinkage})");
        if (!IsFiniteAtLeastZero(o.UserBiasShrinkage)) problems.Add($"user bias shrinkage must be a number, zero or more (got {o.UserBiasShrinkage})");
        if (o.Iterations < 1 || o.Iterations > 1000) problems.Add($"iterations must be 1..1000 (got {o.Iterations})");
        if (o.Threads < 0) problems.Add($"threads must be 0 (all cores) or more (got {o.Threads})");
        if (!IsFinitePositive(o.InitialScale)) problems.Add($"initial scale must be a positive number (got {o.InitialScale})");
        if (o.SvdPlusPlus && !IsFinitePositive(o.LambdaY)) problems.Add($"lambda-y must be a positive number (got {o.LambdaY})");
        if (o.Ranking)
        {
            if (o.RankingRank < 1 || o.RankingRank > 1024) problems.Add($"ranking rank must be 1..1024 (got {o.RankingRank})");
            if (!IsFinitePositive(o.RankingLambda)) problems.Add($"ranking lambda must be a positive number (got {o.RankingLambda})");
            if (!(o.RankingFrequencyExponent >= 0 && o.RankingFrequencyExponent <= 2)) problems.Add($"ranking frequency exponent must be 0..2 (got {o.RankingFrequencyExponent})");
            if (!IsFiniteAtLeastZero(o.RankingAlpha)) problems.Add($"ranking alpha must be a number, zero or more (got {o.RankingAlpha})");
            if (!(o.RankingConfidenceExponent >= 0 && o.RankingConfidenceExponent <= 4)) problems.Add($"ranking confidence exponent must be 0..4 (got {o.RankingConfidenceExponent})");
            if (o.RankingIterations < 1 || o.RankingIterations > 1000) problems.Add($"ranking iterations must be 1..1000 (got {o.RankingIterations})");
            if (o.RankingConjugateGradientSteps < 0 || o.RankingConjugateGradientSteps > 1024) problems.Add($"ranking conjugate-gradient steps must be 0..1024 (got {o.RankingConjugateGradientSteps})");
            if (!double.IsFinite(o.RankingRatingWeight)) problems.Add("ranking rating weight must be a number");
        }
        if (o.NeighboursKept < 0 || o.NeighboursKept > 10_000) problems.Add($"neighbours kept must be 0..10000 (got {o.NeighboursKept})");
        if (o.NeighboursKept > 0)
        {
            if (o.NeighboursUsed < 1 || o.NeighboursUsed > o.NeighboursKept) problems.Add($"neighbours used must be 1..neighbours kept (got {o.NeighboursUsed})");
            if (!IsFiniteAtLeastZero(o.NeighbourShrinkage)) problems.Add($"neighbour shrinkage must be a number, zero or more (got {o.NeighbourShrinkage})");
            if (!IsFiniteAtLeastZero(o.NeighbourDamping)) problems.Add($"neighbour damping must be a number, zero or more (got {o.NeighbourDamping})");
            if (!(double.IsFinite(o.BlendIntercept) && double.IsFinite(o.BlendBaseline) && double.IsFinite(o.BlendFactors) && double.IsFinite(o.BlendNeighbours)))
                problems.Add("blend weights must be numbers");
        }
        if (o.EaseItems < 0 || o.EaseItems > MaxEaseItems) problems.Add($"EASE movies must be 0..{MaxEaseItems} (got {o.EaseItems})");
        if (o.EaseItems > 0)
        {
            if (!IsFinitePositive(o.EaseLambda)) problems.Add($"EASE lambda must be a positive number (got {o.EaseLambda})");
            if (!IsFiniteAtLeastZero(o.EaseWeight)) problems.Add($"EASE weight must be a number, zero or more (got {o.EaseWeight})");
        }
        return problems;
    }

    private static bool IsFinitePositive(double value) => double.IsFinite(value) && value > 0;

    private static bool IsFiniteAtLeastZero(double value) => double.IsFinite(value) && value >= 0;

    public static void ThrowIfInvalid(TrainerOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0) throw new ArgumentException("invalid training options: " + string.Join("; ", problems));
    }
}
