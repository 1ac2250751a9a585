using System.CommandLine;
using MovieRec.Core.Engine;

namespace MovieRec.Web.Cli;

/// <summary>
/// The hyper-parameter options every training command shares (train, evaluate, retrain, bench
/// train), mapped onto <see cref="TrainerOptions"/>. One instance per command, since an option
/// belongs to the command it is added to.
/// </summary>
public sealed class TrainingArguments
{
    private readonly Option<bool> _original = CliOptions.Flag("--original",
        "Start from the original design (rank 20, lambda 0.1 unweighted, bias shrinkage 10 from mu, 20 iterations, no SVD++, no ranking model).");
    private readonly Option<int?> _rank = CliOptions.Int("--rank", "Factors of the rating model.", 1, 1024);
    private readonly Option<double?> _lambda = CliOptions.Number("--lambda", "Ridge of the factor solves.");
    private readonly Option<bool?> _weightedLambda = CliOptions.Bool("--weighted-lambda", "lambda * n_u / lambda * n_i (true) or plain lambda (false).");
    private readonly Option<string> _biasMode = CliOptions.Text("--bias-mode", "sequential (b_u from r - mu - b_i) or from-mu.");
    private readonly Option<double?> _biasLambda = CliOptions.Number("--bias-lambda", "Shrinkage of both biases.");
    private readonly Option<double?> _itemBiasLambda = CliOptions.Number("--item-bias-lambda", "Shrinkage of the item bias.");
    private readonly Option<double?> _userBiasLambda = CliOptions.Number("--user-bias-lambda", "Shrinkage of the user bias.");
    private readonly Option<int?> _iterations = CliOptions.Int("--iterations", "ALS iterations of the rating model.", 1, 1000);
    private readonly Option<bool?> _svdpp = CliOptions.Bool("--svdpp", "Fit the SVD++ term.");
    private readonly Option<double?> _lambdaY = CliOptions.Number("--lambda-y", "Ridge of the SVD++ y factors.");
    private readonly Option<bool?> _ranking = CliOptions.Bool("--ranking", "Fit the implicit-feedback ranking model for picks.");
    private readonly Option<int?> _rankingRank = CliOptions.Int("--ranking-rank", "Factors of the ranking model.", 1, 1024);
    private readonly Option<double?> _rankingLambda = CliOptions.Number("--ranking-lambda", "Ridge of the ranking model.");
    private readonly Option<double?> _rankingAlpha = CliOptions.Number("--ranking-alpha", "Confidence slope of the ranking model: c = 1 + alpha r.");
    private readonly Option<int?> _rankingIterations = CliOptions.Int("--ranking-iterations", "Iterations of the ranking model.", 1, 1000);
    private readonly Option<int?> _rankingCgSteps = CliOptions.Int("--ranking-cg-steps", "Conjugate-gradient steps per row of the ranking model (0 = exact solves).", 0, 1024);
    private readonly Option<double?> _rankingWeight = CliOptions.Number("--ranking-weight", "Weight of the predicted rating in the pick score.");
    private readonly Option<int?> _seed = CliOptions.Int("--seed", "Seed of the random starting factors.");
    private readonly Option<int?> _threads = CliOptions.Int("--threads", "Worker threads (0 = one per core).", 0, 256);

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[]
                 {
                     _original, _rank, _lambda, _weightedLambda, _biasMode, _biasLambda, _itemBiasLambda, _userBiasLambda, _iterations,
                     _svdpp, _lambdaY, _ranking, _rankingRank, _rankingLambda, _rankingAlpha, _rankingIterations, _rankingCgSteps, _rankingWeight, _seed, _threads,
                 })
            command.Options.Add(option);
    }

    public TrainerOptions Read(ParseResult args, TrainerOptions? defaults = null)
    {
        var o = args.GetValue(_original) ? TrainerOptions.OriginalDesign : defaults ?? new TrainerOptions();
        if (args.GetValue(_rank) is { } rank) o = o with { Rank = rank };
        if (args.GetValue(_lambda) is { } lambda) o = o with { Lambda = lambda };
        if (args.GetValue(_weightedLambda) is { } weighted) o = o with { WeightedLambda = weighted };
        if (args.GetValue(_biasMode) is { } mode) o = o with { BiasMode = ParseBiasMode(mode) };
        if (args.GetValue(_biasLambda) is { } biasLambda) o = o with { ItemBiasShrinkage = biasLambda, UserBiasShrinkage = biasLambda };
        if (args.GetValue(_itemBiasLambda) is { } itemBias) o = o with { ItemBiasShrinkage = itemBias };
        if (args.GetValue(_userBiasLambda) is { } userBias) o = o with { UserBiasShrinkage = userBias };
        if (args.GetValue(_iterations) is { } iterations) o = o with { Iterations = iterations };
        if (args.GetValue(_svdpp) is { } svdpp) o = o with { SvdPlusPlus = svdpp };
        if (args.GetValue(_lambdaY) is { } lambdaY) o = o with { LambdaY = lambdaY };
        if (args.GetValue(_ranking) is { } ranking) o = o with { Ranking = ranking };
        if (args.GetValue(_rankingRank) is { } rankingRank) o = o with { RankingRank = rankingRank };
        if (args.GetValue(_rankingLambda) is { } rankingLambda) o = o with { RankingLambda = rankingLambda };
        if (args.GetValue(_rankingAlpha) is { } alpha) o = o with { RankingAlpha = alpha };
        if (args.GetValue(_rankingIterations) is { } rankingIterations) o = o with { RankingIterations = rankingIterations };
        if (args.GetValue(_rankingCgSteps) is { } cgSteps) o = o with { RankingConjugateGradientSteps = cgSteps };
        if (args.GetValue(_rankingWeight) is { } weight) o = o with { RankingRatingWeight = weight };
        if (args.GetValue(_seed) is { } seed) o = o with { Seed = seed };
        if (args.GetValue(_threads) is { } threads) o = o with { Threads = threads };
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
