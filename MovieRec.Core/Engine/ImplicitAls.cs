using System.Runtime.CompilerServices;
using System.Diagnostics;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>
/// Implicit-feedback ALS (Hu, Koren and Volinsky 2008) over "who rated what": preference
/// p_ui = 1 where u rated i and 0 elsewhere, confidence c_ui = 1 + alpha * r_ui^p (TrainerOptions.RankingConfidenceExponent). Each half-step
/// solves, for every user (and then, symmetrically, every item),
///   (Y^T Y + lambda I + Y_u^T (C_u - I) Y_u) x_u = Y_u^T c_u
/// with Y^T Y computed once per half-step, so the cost of a row grows with its ratings only
/// (each row by its cheapest route: <see cref="ImplicitRowSolver"/>). Training ends with one more
/// user half-step, so that the user vectors are the ones the final item factors call for: what
/// fold-in computes for a person from the same ratings.
/// </summary>
public static class ImplicitAls
{
    /// <summary>The <see cref="IterationReport.Model"/> of this fit's iterations.</summary>
    public const string CurveName = "ranking";

    public static RankingModel Fit(RatingMatrix ratings, TrainerOptions options,
        Action<IterationReport>? report = null, CancellationToken cancel = default)
    {
        int k = options.RankingRank, threads = options.EffectiveThreads;
        var userConfidence = ConfidenceMinusOne(ratings.ByUser, options.RankingAlpha, options.RankingConfidenceExponent);
        var itemConfidence = ConfidenceMinusOne(ratings.ByItem, options.RankingAlpha, options.RankingConfidenceExponent);
        // A different stream from the rating model's, so the two models do not start alike.
        var y = FactorInitializer.Normal(ratings.Items.Count, k, options.InitialScale, options.Seed + 1);
        var x = new FactorMatrix(ratings.Users.Count, k);
        // Each side's single-precision copy, refreshed in place every half-step (ImplicitHalfStep.Rows).
        var itemCopy = SingleFactors.ShapedLike(y);
        var userCopy = SingleFactors.ShapedLike(x);
        // The row solvers, kept with their buffers from one half-step to the next.
        var solvers = new ScratchPool<ImplicitRowSolver>(() => new ImplicitRowSolver(k));

        for (int iteration = 1; iteration <= options.RankingIterations; iteration++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            SolveRows(ratings.ByUser, userConfidence, y, x, options, threads, itemCopy, solvers);
            SolveRows(ratings.ByItem, itemConfidence, x, y, options, threads, userCopy, solvers);
            if (iteration == options.RankingIterations) SolveRows(ratings.ByUser, userConfidence, y, x, options, threads, itemCopy, solvers);
            report?.Invoke(new IterationReport(CurveName, iteration, PreferenceRmse(ratings.ByUser, x, y, threads), null, clock.Elapsed.TotalSeconds));
        }
        return new RankingModel(x, y, FactorGram.Of(y, threads, GramPrecision.Double), options.RankingLambda, options.RankingAlpha);
    }

    /// <summary>c_ui - 1 for every stored entry.</summary>
    internal static double[] ConfidenceMinusOne(CsrRows rows, double alpha, double exponent)
    {
        var weights = new double[rows.Count];
        for (int n = 0; n < weights.Length; n++) weights[n] = ConfidenceMinusOne(alpha, exponent, rows.Values[n]);
        return weights;
    }

    /// <summary>
    /// c_ui - 1 = alpha * r_ui^p for one rating, in training and fold-in alike (p = 1: the linear
    /// confidence, computed without a power so that it stays the same to the bit).
    /// </summary>
    public static double ConfidenceMinusOne(double alpha, double exponent, double rating) =>
        exponent == 1 ? alpha * rating : alpha * Math.Pow(rating, exponent);

    /// <summary>
    /// The ridge of one row, in training and fold-in alike: lambda, or with frequency scaling
    /// (exponent nu > 0, Rendle et al. 2022) lambda (n + N)^nu, n the row's ratings and N the
    /// rows of the fixed side (every unrated pair weighs 1 in G = Y^T Y, so n + N is the row's total weight).
    /// </summary>
    public static double RowRidge(double lambda, double frequencyExponent, int ratingCount, int otherSideRows) =>
        frequencyExponent == 0 ? lambda : lambda * Math.Pow(ratingCount + otherSideRows, frequencyExponent);

    /// <summary>One half-step: every row of <paramref name="output"/> solved against the fixed side; a row's old value is its conjugate-gradient start.</summary>
    private static void SolveRows(CsrRows rows, double[] confidenceMinusOne, FactorMatrix fixedFactors, FactorMatrix output, TrainerOptions options, int threads, SingleFactors single,
        ScratchPool<ImplicitRowSolver> solvers)
    {
        var step = new ImplicitHalfStep(fixedFactors, options.RankingLambda, threads, options.RankingConjugateGradientSteps, rows, single);
        ParallelRows.For(rows.RowCount, threads, solvers, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row, solver) =>
        {
            int start = rows.Offsets[row], length = rows.RowLength(row);
            double ridge = RowRidge(options.RankingLambda, options.RankingFrequencyExponent, length, fixedFactors.Rows);
            solver.Solve(step, rows.Columns(row), confidenceMinusOne.AsSpan(start, length), output.Row(row), ridge);
        });
    }

    /// <summary>RMSE of x_u . y_i against the preference 1 over the rated pairs: a cheap training curve.</summary>
    private static double PreferenceRmse(CsrRows byUser, FactorMatrix x, FactorMatrix y, int threads)
    {
        double sum = ParallelRows.Sum(byUser.RowCount, threads, u =>
        {
            var xu = x.Row(u);
            var items = byUser.Columns(u);
            double s = 0;
            int n = 0;
            for (; n + 4 <= items.Length; n += 4)
            {
                var (a, b, c, d) = VectorMath.DotFour(xu, y.Row(items[n]), y.Row(items[n + 1]), y.Row(items[n + 2]), y.Row(items[n + 3]));
                s += (1 - a) * (1 - a) + (1 - b) * (1 - b) + (1 - c) * (1 - c) + (1 - d) * (1 - d);
            }
            for (; n < items.Length; n++)
            {
                double error = 1 - VectorMath.Dot(xu, y.Row(items[n]));
                s += error * error;
            }
            return s;
        });
        return Math.Sqrt(sum / Math.Max(1, byUser.Count));
    }
}
