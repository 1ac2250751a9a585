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
    private readonly Option<double?> _rankingFrequencyExponent = CliOptions.Number("--ranking-frequency-exponent", "Ridge of a ranking-model row = lambda (n + N)^this, n its ratings, N the other side's rows (0 = constant lambda).");
    private readonly Option<double?> _rankingAlpha = CliOptions.Number("--ranking-alpha", "Confidence slope of the ranking model: c = 1 + alpha r^p.");
    private readonly Option<double?> _rankingConfidenceExponent = CliOptions.Number("--ranking-confidence-exponent", "p of the ranking model's confidence c = 1 + alpha r^p (1 = linear).");
    private readonly Option<int?> _rankingIterations = CliOptions.Int("--ranking-iterations", "Iterations of the ranking model.", 1, 1000);
    private readonly Option<int?> _rankingCgSteps = CliOptions.Int("--ranking-cg-steps", "Conjugate-gradient steps per row of the ranking model (0 = exact solves).", 0, 1024);
    private readonly Option<double?> _rankingWeight = CliOptions.Number("--ranking-weight", "Weight of the predicted rating in the pick score.");
    private readonly Option<int?> _neighbours = CliOptions.Int("--neighbours", "Most similar movies kept per movie for the neighbourhood term of the predicted rating (0 = none).", 0, 10_000);
    private readonly Option<int?> _neighboursUsed = CliOptions.Int("--neighbours-used", "At most this many of them, among the movies a person rated, make the term.", 1, 10_000);
    private readonly Option<double?> _neighbourShrinkage = CliOptions.Number("--neighbour-shrinkage", "Similarity shrunk by n / (n + this), n the people who rated both movies.");
    private readonly Option<double?> _neighbourDamping = CliOptions.Number("--neighbour-damping", "Added to the sum of similarities of the neighbourhood term.");
    private readonly Option<string> _blend = CliOptions.Text("--blend", "Weights of the predicted rating: INTERCEPT,BASELINE,FACTORS,NEIGHBOURS (mu + b_u + b_i, w.q, neighbourhood term).");
    private readonly Option<int?> _easeItems = CliOptions.Int("--ease-items", "Most-rated movies the EASE score of the picks covers (0 = none).", 0, TrainerOptionsValidator.MaxEaseItems);
    private readonly Option<double?> _easeLambda = CliOptions.Number("--ease-lambda", "Ridge of the EASE fit.");
    private readonly Option<double?> _easeWeight = CliOptions.Number("--ease-weight", "Weight of the EASE score in the pick score (scores scaled).");
    private readonly Option<int?> _seed = CliOptions.Int("--seed", "Seed of the random starting factors.");
    private readonly Option<int?> _threads = CliOptions.Int("--threads", "Worker threads (0 = one per core).", 0, 256);

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[]
                 {
                     _original, _rank, _lambda, _weightedLambda, _biasMode, _biasLambda, _itemBiasLambda, _userBiasLambda, _iterations,
                     _svdpp, _lambdaY, _ranking, _rankingRank, _rankingLambda, _rankingFrequencyExponent, _rankingAlpha, _rankingConfidenceExponent, _rankingIterations, _rankingCgSteps, _rankingWeight,
                     _neighbours, _neighboursUsed, _neighbourShrinkage, _neighbourDamping, _blend, _easeItems, _easeLambda, _easeWeight, _seed, _threads,
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
        if (args.GetValue(_rankingFrequencyExponent) is { } exponent) o = o with { RankingFrequencyExponent = exponent };
        if (args.GetValue(_rankingAlpha) is { } alpha) o = o with { RankingAlpha = alpha };
        if (args.GetValue(_rankingConfidenceExponent) is { } confidenceExponent) o = o with { RankingConfidenceExponent = confidenceExponent };
        if (args.GetValue(_rankingIterations) is { } rankingIterations) o = o with { RankingIterations = rankingIterations };
        if (args.GetValue(_rankingCgSteps) is { } cgSteps) o = o with { RankingConjugateGradientSteps = cgSteps };
        if (args.GetValue(_rankingWeight) is { } weight) o = o with { RankingRatingWeight = weight };
        if (args.GetValue(_neighbours) is { } neighbours) o = o with { NeighboursKept = neighbours };
        if (args.GetValue(_neighboursUsed) is { } used) o = o with { NeighboursUsed = used };
        if (args.GetValue(_neighbourShrinkage) is { } neighbourShrinkage) o = o with { NeighbourShrinkage = neighbourShrinkage };
        if (args.GetValue(_neighbourDamping) is { } damping) o = o with { NeighbourDamping = damping };
        if (args.GetValue(_blend) is { } blend) o = ParseBlend(o, blend);
        if (args.GetValue(_easeItems) is { } easeItems) o = o with { EaseItems = easeItems };
        if (args.GetValue(_easeLambda) is { } easeLambda) o = o with { EaseLambda = easeLambda };
        if (args.GetValue(_easeWeight) is { } easeWeight) o = o with { EaseWeight = easeWeight };
        if (args.GetValue(_seed) is { } seed) o = o with { Seed = seed };
        if (args.GetValue(_threads) is { } threads) o = o with { Threads = threads };
        var problems = TrainerOptionsValidator.Problems(o);
        if (problems.Count > 0) throw new UsageException(string.Join("; ", problems));
        return o;
    }

    private static TrainerOptions ParseBlend(TrainerOptions o, string text)
    {
        var parts = text.Split(',');
        var weights = new double[parts.Length];
        if (parts.Length != 4 || !parts.Select((p, n) => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out weights[n])).All(ok => ok))
            throw new UsageException($"--blend takes four numbers separated by commas (intercept, baseline, factors, neighbours), not \"{text}\"");
        return o with { BlendIntercept = weights[0], BlendBaseline = weights[1], BlendFactors = weights[2], BlendNeighbours = weights[3] };
    }

    private static BiasMode ParseBiasMode(string text) => text.ToLowerInvariant() switch
    {
        "sequential" => BiasMode.Sequential,
        "from-mu" or "frommu" => BiasMode.FromMu,
        _ => throw new UsageException($"--bias-mode takes sequential or from-mu, not \"{text}\""),
    };
}
