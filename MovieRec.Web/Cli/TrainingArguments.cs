using MovieRec.Core.Engine;

namespace MovieRec.Web.Cli;

/// <summary>The hyper-parameter options every training command shares, mapped onto <see cref="TrainerOptions"/>.</summary>
public static class TrainingArguments
{
    /// <summary>Options that take no value.</summary>
    public static readonly IReadOnlySet<string> Switches = new HashSet<string> { "original" };

    public const string Help = """
          --original                 start from the original design (rank 20, lambda 0.1 unweighted,
                                     bias shrinkage 10 from mu, 20 iterations, no SVD++, no ranking model)
          --rank N                   factors of the rating model
          --lambda X                 ridge of the factor solves
          --weighted-lambda BOOL     lambda * n_u / lambda * n_i (true) or plain lambda (false)
          --bias-mode MODE           sequential (b_u from r - mu - b_i) or from-mu
          --bias-lambda X            shrinkage of both biases
          --item-bias-lambda X       shrinkage of the item bias
          --user-bias-lambda X       shrinkage of the user bias
          --iterations N             ALS iterations of the rating model
          --svdpp BOOL               fit the SVD++ term
          --lambda-y X               ridge of the SVD++ y factors
          --ranking BOOL             fit the implicit-feedback ranking model for picks
          --ranking-rank N, --ranking-lambda X, --ranking-alpha X, --ranking-iterations N
          --ranking-cg-steps N       conjugate-gradient steps per row of the ranking model (0 = exact solves)
          --ranking-weight X         weight of the predicted rating in the pick score
          --seed N                   seed of the random starting factors
          --threads N                worker threads (0 = one per core)
        """;

    public static TrainerOptions Read(CommandArguments args, TrainerOptions? defaults = null)
    {
        var o = args.Has("original") ? TrainerOptions.OriginalDesign : defaults ?? new TrainerOptions();
        _ = args.Bool("original");
        if (args.Int("rank", 1, 1024) is { } rank) o = o with { Rank = rank };
        if (args.Double("lambda") is { } lambda) o = o with { Lambda = lambda };
        if (args.Bool("weighted-lambda") is { } weighted) o = o with { WeightedLambda = weighted };
        if (args.Text("bias-mode") is { } mode) o = o with { BiasMode = ParseBiasMode(mode) };
        if (args.Double("bias-lambda") is { } biasLambda) o = o with { ItemBiasShrinkage = biasLambda, UserBiasShrinkage = biasLambda };
        if (args.Double("item-bias-lambda") is { } itemBias) o = o with { ItemBiasShrinkage = itemBias };
        if (args.Double("user-bias-lambda") is { } userBias) o = o with { UserBiasShrinkage = userBias };
        if (args.Int("iterations", 1, 1000) is { } iterations) o = o with { Iterations = iterations };
        if (args.Bool("svdpp") is { } svdpp) o = o with { SvdPlusPlus = svdpp };
        if (args.Double("lambda-y") is { } lambdaY) o = o with { LambdaY = lambdaY };
        if (args.Bool("ranking") is { } ranking) o = o with { Ranking = ranking };
        if (args.Int("ranking-rank", 1, 1024) is { } rankingRank) o = o with { RankingRank = rankingRank };
        if (args.Double("ranking-lambda") is { } rankingLambda) o = o with { RankingLambda = rankingLambda };
        if (args.Double("ranking-alpha") is { } alpha) o = o with { RankingAlpha = alpha };
        if (args.Int("ranking-iterations", 1, 1000) is { } rankingIterations) o = o with { RankingIterations = rankingIterations };
        if (args.Int("ranking-cg-steps", 0, 1024) is { } cgSteps) o = o with { RankingConjugateGradientSteps = cgSteps };
        if (args.Double("ranking-weight") is { } weight) o = o with { RankingRatingWeight = weight };
        if (args.Int("seed") is { } seed) o = o with { Seed = seed };
        if (args.Int("threads", 0, 256) is { } threads) o = o with { Threads = threads };
        var problems = TrainerOptionsValidator.Problems(o);
        if (problems.Count > 0) throw new UsageException(string.Join("; ", problems));
        return o;
    }

    private static BiasMode ParseBiasMode(string text) => text.ToLowerInvariant() switch
    {
        "sequential" => BiasMode.Sequential,
        "from-mu" or "frommu" => BiasMode.FromMu,
        _ => throw new UsageException($"--bias-mode takes sequential or from-mu, not \"{text}\""),
    };
}
