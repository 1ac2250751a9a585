using System.Runtime.CompilerServices;
using System.Diagnostics;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>The factors of the rating model: P (users, the effective w_u with SVD++) and Q (items), and the y_j of SVD++ if fitted.</summary>
public sealed record RatingFactors(FactorMatrix UserFactors, FactorMatrix ItemFactors, FactorMatrix? ImplicitItemFactors);

/// <summary>
/// Alternating least squares for the factors of the rating model, fitted to the residual
/// e_ui = r_ui - mu - b_u - b_i of biases that are held fixed:
///   user step:  (Q_u^T Q_u + lambda_u I) p_u = Q_u^T e_u        (+ lambda_u z_u with SVD++)
///   item step:  (P_i^T P_i + lambda_i I) q_i = P_i^T e_i
/// with lambda_u = lambda * n_u and lambda_i = lambda * n_i when the ridge is weighted.
/// With SVD++ (see <see cref="SvdPlusPlusStep"/>) the user row is w_u = p_u + z_u, the ridge is
/// centred at z_u = |R(u)|^-1/2 sum_{j in R(u)} y_j, and a y step runs between the two.
/// </summary>
public static class ExplicitAls
{
    /// <summary>
    /// Conjugate-gradient steps of a warm-started row solve (<see cref="ConjugateGradientRidge"/>)
    /// for rows with at least as many ratings as factors and at most a cache-sized block of them
    /// (<see cref="RidgeSolver.UsesConjugateGradient"/>; the rest are solved exactly). Each row
    /// starts from its last solution; in the first iteration that is zero for users and the small random start for items, where the ridge dominates X^T X and so three
    /// steps already land on the exact solve (same train and held-out RMSE to four digits on
    /// ml-latest-small; docs/BENCHMARKS.md). 0 would mean exact solves throughout.
    /// </summary>
    public const int WarmSteps = 3;

    public static RatingFactors Fit(RatingMatrix ratings, Biases biases, TrainerOptions options,
        HeldOutRatings? validation = null, Action<IterationReport>? report = null, CancellationToken cancel = default) =>
        Fit(ratings, biases, options, validation, report, initialItemFactors: null, cancel);

    /// <summary>As above, starting from given item factors instead of seeded random ones (hand-checked tests).</summary>
    internal static RatingFactors Fit(RatingMatrix ratings, Biases biases, TrainerOptions options,
        HeldOutRatings? validation, Action<IterationReport>? report, FactorMatrix? initialItemFactors, CancellationToken cancel = default)
    {
        int k = options.Rank;
        var userResiduals = BiasEstimator.Residuals(ratings.ByUser, biases, rowsAreUsers: true);
        var itemResiduals = BiasEstimator.Residuals(ratings.ByItem, biases, rowsAreUsers: false);
        var q = initialItemFactors?.Clone() ?? FactorInitializer.Normal(ratings.Items.Count, k, options.InitialScale, options.Seed);
        var w = new FactorMatrix(ratings.Users.Count, k);
        var svdpp = options.SvdPlusPlus ? new SvdPlusPlusStep(ratings, options) : null;
        var itemSquaredErrors = new double[ratings.Items.Count];
        // Each side's single-precision copy, refreshed in place by every half-step rather than allocated anew.
        var itemCopy = SingleFactors.ShapedLike(q);
        var userCopy = SingleFactors.ShapedLike(w);
        var solvers = new ScratchPool<RidgeSolver>(() => new RidgeSolver());

        for (int iteration = 1; iteration <= options.Iterations; iteration++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var centres = svdpp?.UserOffsets();
            SolveRows(ratings.ByUser, userResiduals, q, w, options, centres, WarmSteps, reuse: itemCopy, solvers: solvers);
            svdpp?.FitImplicitFactors(w);
            // The item step comes last, so its rows' errors are those of the finished iteration.
            SolveRows(ratings.ByItem, itemResiduals, w, q, options, centres: null, WarmSteps, itemSquaredErrors, userCopy, solvers);

            // Summed in row order: exact to the bit across thread counts.
            double trainRmse = Math.Sqrt(itemSquaredErrors.Sum() / Math.Max(1, ratings.ByItem.Count));
            double? validationRmse = validation?.Rmse((u, i) => Predict(biases, w, q, u, i));
            report?.Invoke(new IterationReport(svdpp is null ? "rating" : "rating (SVD++)", iteration, trainRmse, validationRmse, clock.Elapsed.TotalSeconds));
        }
        return new RatingFactors(w, q, svdpp?.ImplicitFactors);
    }

    /// <summary>
    /// Solves every row of <paramref name="output"/> against the fixed factors, in parallel; with
    /// <paramref name="squaredErrors"/>, also each row's squared error against its new solution,
    /// which the solver returns without a second pass over the ratings (the train RMSE). The
    /// fixed factors are rounded to single precision once (<see cref="SingleFactors"/>), so the
    /// solves gather half the bytes per row; when rows hold most of the fixed matrix (blockbusters,
    /// users who rated most movies), the Gram of all its rows is formed once too, and those rows
    /// subtract what they lack from it (<see cref="RidgeSolver.UsesComplement"/>). <paramref name="reuse"/>
    /// is a single-precision copy of the same shape to refresh in place instead of allocating one,
    /// <paramref name="solvers"/> the fit's row solvers, kept with their buffers across half-steps.
    /// </summary>
    internal static void SolveRows(CsrRows rows, float[] residuals, FactorMatrix fixedFactors, FactorMatrix output,
        TrainerOptions options, FactorMatrix? centres, int warmSteps = 0, double[]? squaredErrors = null, SingleFactors? reuse = null,
        ScratchPool<RidgeSolver>? solvers = null)
    {
        solvers ??= new ScratchPool<RidgeSolver>(() => new RidgeSolver());
        int threads = options.EffectiveThreads;
        var single = new FactorRows(fixedFactors, SingleFactors.From(fixedFactors, threads, reuse));
        var fixedRows = RidgeSolver.ComplementPays(rows, fixedFactors.Rank, fixedFactors.Rows, warmSteps)
            ? new FactorRows(fixedFactors, single.Single, FactorGram.Of(single, threads, GramPrecision.Single))
            : single;
        ParallelRows.For(rows.RowCount, options.EffectiveThreads, solvers, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row, solver) =>
        {
            int start = rows.Offsets[row], length = rows.RowLength(row);
            double lambda = RowLambda(options, length);
            double error = solver.Solve(fixedRows, rows.Columns(row), residuals.AsSpan(start, length), lambda,
                centres is null ? ReadOnlySpan<double>.Empty : centres.Row(row), output.Row(row), warmSteps, measureError: squaredErrors is not null);
            if (squaredErrors is not null) squaredErrors[row] = error;
        });
    }

    /// <summary>
    /// The solve work of one iteration (the user step over rows of the users' lengths against the
    /// items, then the item step), by the routes the solves take, for the bench's GFLOP/s.
    /// </summary>
    public static double IterationFlops(IReadOnlyList<int> userRowLengths, IReadOnlyList<int> itemRowLengths, int k) =>
        userRowLengths.Sum(n => RidgeSolver.EstimatedFlops(n, k, WarmSteps, itemRowLengths.Count))
        + itemRowLengths.Sum(n => RidgeSolver.EstimatedFlops(n, k, WarmSteps, userRowLengths.Count));

    /// <summary>lambda * n when the ridge is weighted by the row's number of ratings, else lambda.</summary>
    public static double RowLambda(TrainerOptions options, int ratingCount) =>
        options.WeightedLambda ? options.Lambda * Math.Max(1, ratingCount) : options.Lambda;

    private static double Predict(Biases biases, FactorMatrix w, FactorMatrix q, int u, int i) =>
        RatingPrediction.ByIndex(biases, w, q, u, i);
}
