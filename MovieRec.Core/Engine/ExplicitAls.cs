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
    /// from the second iteration on, for rows with at least as many ratings as factors; the first
    /// iteration solves every row exactly, as there is no warm start yet. 0 means exact solves
    /// throughout.
    /// </summary>
    public const int WarmSteps = 3;

    public static RatingFactors Fit(RatingMatrix ratings, Biases biases, TrainerOptions options,
        HeldOutRatings? validation = null, Action<IterationReport>? report = null, CancellationToken cancel = default) =>
        Fit(ratings, biases, options, validation, report, initialItemFactors: null, cancel);

    /// <summary>As above, starting from given item factors instead of seeded random ones (hand-checked tests).</summary>
    internal static RatingFactors Fit(RatingMatrix ratings, Biases biases, TrainerOptions options,
        HeldOutRatings? validation, Action<IterationReport>? report, FactorMatrix? initialItemFactors, CancellationToken cancel = default)
    {
        int k = options.Rank, threads = options.EffectiveThreads;
        var userResiduals = BiasEstimator.Residuals(ratings.ByUser, biases, rowsAreUsers: true);
        var itemResiduals = BiasEstimator.Residuals(ratings.ByItem, biases, rowsAreUsers: false);
        var q = initialItemFactors?.Clone() ?? FactorInitializer.Normal(ratings.Items.Count, k, options.InitialScale, options.Seed);
        var w = new FactorMatrix(ratings.Users.Count, k);
        var svdpp = options.SvdPlusPlus ? new SvdPlusPlusStep(ratings, options) : null;

        for (int iteration = 1; iteration <= options.Iterations; iteration++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var centres = svdpp?.UserOffsets();
            int warmSteps = iteration > 1 ? WarmSteps : 0;
            SolveRows(ratings.ByUser, userResiduals, q, w, options, centres, warmSteps);
            svdpp?.FitImplicitFactors(w);
            SolveRows(ratings.ByItem, itemResiduals, w, q, options, centres: null, warmSteps);

            double trainRmse = TrainRmse(ratings.ByUser, userResiduals, w, q, threads);
            double? validationRmse = validation?.Rmse((u, i) => Predict(biases, w, q, u, i));
            report?.Invoke(new IterationReport(svdpp is null ? "rating" : "rating (SVD++)", iteration, trainRmse, validationRmse, clock.Elapsed.TotalSeconds));
        }
        return new RatingFactors(w, q, svdpp?.ImplicitFactors);
    }

    /// <summary>
    /// Solves every row of <paramref name="output"/> against the fixed factors, in parallel.
    /// </summary>
    internal static void SolveRows(CsrRows rows, float[] residuals, FactorMatrix fixedFactors, FactorMatrix output,
        TrainerOptions options, FactorMatrix? centres, int warmSteps = 0)
    {
        ParallelRows.For(rows.RowCount, options.EffectiveThreads, () => new RidgeSolver(), (row, solver) =>
        {
            int start = rows.Offsets[row], length = rows.RowLength(row);
            double lambda = RowLambda(options, length);
            solver.Solve(fixedFactors, rows.Columns(row), residuals.AsSpan(start, length), lambda,
                centres is null ? ReadOnlySpan<double>.Empty : centres.Row(row), output.Row(row), warmSteps);
        });
    }

    /// <summary>The solve work of iteration <paramref name="iteration"/> over rows of the given lengths (both sides), for the bench's GFLOP/s.</summary>
    public static double IterationFlops(IEnumerable<int> rowLengths, int k, int iteration) =>
        rowLengths.Sum(n => RidgeSolver.EstimatedFlops(n, k, iteration > 1 ? WarmSteps : 0));

    /// <summary>lambda * n when the ridge is weighted by the row's number of ratings, else lambda.</summary>
    public static double RowLambda(TrainerOptions options, int ratingCount) =>
        options.WeightedLambda ? options.Lambda * Math.Max(1, ratingCount) : options.Lambda;

    private static double Predict(Biases biases, FactorMatrix w, FactorMatrix q, int u, int i)
    {
        double prediction = biases.Predict(u, i);
        if (u >= 0 && i >= 0) prediction += VectorMath.Dot(w.Row(u), q.Row(i));
        return prediction;
    }

    private static double TrainRmse(CsrRows byUser, float[] residuals, FactorMatrix w, FactorMatrix q, int threads)
    {
        double sum = ParallelRows.Sum(byUser.RowCount, threads, u =>
        {
            double s = 0;
            var items = byUser.Columns(u);
            var wu = w.Row(u);
            for (int n = 0; n < items.Length; n++)
            {
                double error = residuals[byUser.Offsets[u] + n] - VectorMath.Dot(wu, q.Row(items[n]));
                s += error * error;
            }
            return s;
        });
        return Math.Sqrt(sum / Math.Max(1, byUser.Count));
    }
}
