namespace MovieRec.Core.Engine;

/// <summary>
/// Every hyper-parameter of the model. The defaults are the ones chosen by the sweeps recorded in
/// docs/BENCHMARKS.md; the original design (rank 20, lambda 0.1 unweighted, bias shrinkage 10 from
/// mu, 20 iterations) stays reachable through <see cref="OriginalDesign"/>.
/// </summary>
public sealed record TrainerOptions
{
    // --- the rating model: r_hat = mu + b_u + b_i + p_u . q_i ---

    /// <summary>Number of latent factors of the rating model.</summary>
    public int Rank { get; init; } = 50;

    /// <summary>Ridge strength of the factor solves.</summary>
    public double Lambda { get; init; } = 0.15;

    /// <summary>When true the ridge is lambda * n_u for a user and lambda * n_i for an item.</summary>
    public bool WeightedLambda { get; init; } = true;

    public BiasMode BiasMode { get; init; } = BiasMode.Sequential;

    /// <summary>Shrinkage of the item bias: b_i = sum(r - mu) / (bias lambda + n_i).</summary>
    public double ItemBiasShrinkage { get; init; } = 25;

    /// <summary>Shrinkage of the user bias.</summary>
    public double UserBiasShrinkage { get; init; } = 10;

    public int Iterations { get; init; } = 10;

    /// <summary>Seeds the random initial factors; the result depends on it and not on Threads.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Worker threads of the solves; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Standard deviation of the random initial factors.</summary>
    public double InitialScale { get; init; } = 0.1;

    // --- the SVD++ term: w_u = p_u + |R(u)|^-1/2 sum_{j in R(u)} y_j ---

    /// <summary>Fit the implicit y_j term of SVD++ alongside the factors.</summary>
    public bool SvdPlusPlus { get; init; } = true;

    /// <summary>Ridge strength of the y_j factors.</summary>
    public double LambdaY { get; init; } = 200;

    // --- the ranking model: implicit-feedback ALS over "rated or not" (Hu, Koren, Volinsky 2008) ---

    /// <summary>Fit the ranking model used to order personal picks.</summary>
    public bool Ranking { get; init; } = true;

    public int RankingRank { get; init; } = 96;
    public double RankingLambda { get; init; } = 30;

    /// <summary>
    /// Frequency scaling of the ranking model's ridge, nu (Rendle, Krichene, Zhang and Koren 2022):
    /// a row with n ratings against a fixed side of N rows gets lambda (n + N)^nu instead of lambda
    /// (<see cref="ImplicitAls.RowRidge"/>). 0, the default, keeps the constant ridge. Stored in
    /// the model header with the other options, so fold-in applies the same ridge.
    /// </summary>
    public double RankingFrequencyExponent { get; init; }

    /// <summary>Confidence c_ui = 1 + alpha * r_ui^p (p: <see cref="RankingConfidenceExponent"/>); c - 1 = 0.06 x 5^3 = 7.5 for five stars.</summary>
    public double RankingAlpha { get; init; } = 0.06;

    /// <summary>
    /// p of the confidence c_ui = 1 + alpha * r_ui^p (<see cref="ImplicitAls.ConfidenceMinusOne(double, double, double)"/>):
    /// 1 is the linear confidence of Hu, Koren and Volinsky; above 1 a high rating counts for more
    /// against a low one (3: c - 1 for five stars is 4.6 times that for three, where p = 1 gives 1.7
    /// times; chosen on the validation slices, docs/BENCHMARKS.md "Issue 8, sixth pass"). Stored in
    /// the model header with the other options, so fold-in applies the same; files older than
    /// format version 5 are read with 1, what they were trained with.
    /// </summary>
    public double RankingConfidenceExponent { get; init; } = 3;

    public int RankingIterations { get; init; } = 10;

    /// <summary>
    /// Conjugate-gradient steps per row and half-step, warm-started from the row's previous value,
    /// wherever that is cheaper than an exact solve; 0 solves every row exactly.
    /// </summary>
    public int RankingConjugateGradientSteps { get; init; } = 3;

    /// <summary>
    /// Weight of the predicted rating added to the ranking score of a pick, both scores first
    /// divided by their spread over the catalogue for that person (Scoring/ScoreSpread).
    /// </summary>
    public double RankingRatingWeight { get; init; } = 0.6;

    // --- the item-neighbourhood term blended into the predicted rating (Neighbourhood/NeighbourModel) ---

    /// <summary>Most similar movies kept per movie; 0 leaves the term out (the plain factor model).</summary>
    public int NeighboursKept { get; init; } = 200;

    /// <summary>At most this many of them, among the movies a person rated, make the term.</summary>
    public int NeighboursUsed { get; init; } = 40;

    /// <summary>s_ij is shrunk by n_ij / (n_ij + this), n_ij the people who rated both.</summary>
    public double NeighbourShrinkage { get; init; } = 50;

    /// <summary>Added to the sum of similarities in the term's denominator: thin evidence pulls it toward 0.</summary>
    public double NeighbourDamping { get; init; } = 0.3;

    /// <summary>Blend weights (Neighbourhood/RatingBlend), least squares on the validation slice.</summary>
    public double BlendIntercept { get; init; } = -0.225;
    public double BlendBaseline { get; init; } = 1.048;
    public double BlendFactors { get; init; } = 0.650;
    public double BlendNeighbours { get; init; } = 1.239;

    // --- EASE on the most-rated movies, a third score of the picks (Ease/EaseModel) ---

    /// <summary>
    /// Most-rated movies the EASE score covers (its weights are N x N); 0 leaves it out. Needs the
    /// ranking model: its weight is relative to the ranking score's spread.
    /// </summary>
    public int EaseItems { get; init; } = 1_000;

    /// <summary>Ridge of the EASE fit: P = (X^T X + lambda I)^-1.</summary>
    public double EaseLambda { get; init; } = 50;

    /// <summary>Weight of the EASE score in the pick score, once divided by its spread over the catalogue for that person.</summary>
    public double EaseWeight { get; init; } = 0.1;

    /// <summary>The design the project started from, kept reachable for comparison.</summary>
    public static TrainerOptions OriginalDesign => new()
    {
        Rank = 20,
        Lambda = 0.1,
        WeightedLambda = false,
        BiasMode = BiasMode.FromMu,
        ItemBiasShrinkage = 10,
        UserBiasShrinkage = 10,
        Iterations = 20,
        SvdPlusPlus = false,
        Ranking = false,
        NeighboursKept = 0,
        EaseItems = 0,
    };

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
