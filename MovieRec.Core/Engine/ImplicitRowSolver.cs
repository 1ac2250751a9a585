using System.Runtime.CompilerServices;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>How one row of an implicit half-step is solved.</summary>
internal enum ImplicitRoute
{
    /// <summary>No ratings: every preference is 0, so the minimiser is 0.</summary>
    Zero,
    /// <summary>Exact, by the n x n Woodbury system (<see cref="ImplicitHalfStep"/>).</summary>
    Woodbury,
    /// <summary>Exact, by Cholesky of the k x k system.</summary>
    Cholesky,
    /// <summary>A few conjugate-gradient steps from the row's previous value.</summary>
    ConjugateGradient,
}

/// <summary>
/// One row of implicit ALS: (G + lambda I + sum_n (c_n - 1) y_n y_n^T) x = sum_n c_n y_n, where
/// G = Y^T Y is shared by every row of the half-step. Three routes, the cheapest taken per row
/// (<see cref="ChooseRoute"/>): Cholesky on MathNet of the k x k system (cost n k^2 / 2 + k^3 / 6),
/// the n x n Woodbury system (see <see cref="ImplicitHalfStep"/>; n^2 k / 2 + n^3 / 6) for a row
/// with few ratings, or a few steps of conjugate gradient warm-started from the row's value in
/// the previous iteration (Takacs, Pilaszy and Tikk 2011): each step multiplies by G and by the
/// row's own rated vectors, (k^2 + 2 n k), gathered once in single precision (<see cref="GatheredRows"/>),
/// and never forms the row's k x k matrix. Since ALS
/// solves the same row again every iteration from a nearby start, a few steps per iteration are
/// enough (what benfred/implicit does). Used in training and to fold in a user the model has not
/// seen (exactly). One instance per thread; a row's result depends on its inputs only.
/// </summary>
public sealed class ImplicitRowSolver
{
    /// <summary>Conjugate gradient stops early once the squared residual falls below this.</summary>
    public const double ResidualTolerance = 1e-10;

    private readonly CholeskySolver _cholesky = new();
    private readonly GramAccumulator _gram;
    private readonly GatheredRows _gathered = new();
    private double[] _rowProducts = [];
    private double[] _offsets = [];
    private double[] _confidences = [];
    private double[] _slopes = [];
    private double[] _weights = new double[64];
    private readonly double[] _base;
    private readonly double[] _residual;
    private readonly double[] _direction;
    private readonly double[] _product;

    /// <param name="rank">The rank of the rows solved.</param>
    /// <param name="gramPrecision">
    /// Of the sum of outer products in the exact route: double in training (tests hold it to 1e-8
    /// of MathNet), single for fold-in, where a heavy rater's thousands of outer products are most
    /// of a picks request and six digits are far more than the ranking can tell apart.
    /// </param>
    public ImplicitRowSolver(int rank, GramPrecision gramPrecision = GramPrecision.Double)
    {
        _gram = new GramAccumulator(gramPrecision);
        _base = new double[rank];
        _residual = new double[rank];
        _direction = new double[rank];
        _product = new double[rank];
    }

    /// <summary>
    /// The cheapest route for a row of <paramref name="ratings"/> at this rank, by multiply-add
    /// counts; conjugate gradient only when <paramref name="conjugateGradientSteps"/> is above 0.
    /// </summary>
    internal static ImplicitRoute ChooseRoute(int ratings, int rank, int conjugateGradientSteps, bool woodburyPrepared = true)
    {
        if (ratings == 0) return ImplicitRoute.Zero;
        var (woodbury, other) = Costs(ratings, rank, conjugateGradientSteps);
        if (woodburyPrepared && woodbury <= other.Cost) return ImplicitRoute.Woodbury;
        return other.Route;
    }

    /// <summary>
    /// Multiply-adds of the Woodbury route (infinite when n >= k, where it cannot win) and of the
    /// cheaper of the other two (conjugate gradient only when steps are above 0).
    /// </summary>
    internal static (double Woodbury, (double Cost, ImplicitRoute Route) Other) Costs(int ratings, int rank, int conjugateGradientSteps)
    {
        double n = ratings, k = rank;
        double cholesky = n * k * k / 2 + k * k * k / 6;
        double woodbury = n < k ? n * n * k / 2 + n * n * n / 6 + 3 * n * k : double.PositiveInfinity;
        // One product for the starting residual, one per step.
        double conjugateGradient = conjugateGradientSteps > 0 ? (conjugateGradientSteps + 1) * (k * k + 2 * n * k) : double.PositiveInfinity;
        return (woodbury, conjugateGradient < cholesky ? (conjugateGradient, ImplicitRoute.ConjugateGradient) : (cholesky, ImplicitRoute.Cholesky));
    }

    /// <summary>The exact k x k solve from G alone (fold-in, where no half-step is prepared).</summary>
    public void Solve(FactorMatrix y, double[] gram, double lambda, ReadOnlySpan<int> rows,
        ReadOnlySpan<double> confidenceMinusOne, Span<double> result)
    {
        if (rows.IsEmpty)
        {
            result.Clear();
            return;
        }
        int k = y.Rank;
        var (matrix, rhs) = _cholesky.Buffers(k);
        gram.CopyTo(matrix, 0);
        Array.Clear(rhs);
        // b = sum_n c_n y_n, summed in the same blocked pass as the outer products, while each
        // block of rows is in cache (a heavy rater's fold-in read every row twice otherwise).
        if (_confidences.Length < rows.Length) _confidences = new double[Math.Max(rows.Length, 2 * _confidences.Length)];
        var confidences = _confidences.AsSpan(0, rows.Length);
        for (int n = 0; n < rows.Length; n++) confidences[n] = 1 + confidenceMinusOne[n];
        // The outer products fill the lower triangle only; G is symmetric already.
        _gram.Add(y, rows, confidenceMinusOne, confidences, matrix, rhs);
        VectorMath.MirrorLowerTriangle(matrix, k);
        VectorMath.AddToDiagonal(matrix, k, lambda);
        _cholesky.Solve(k).CopyTo(result);
    }

    /// <summary>
    /// The same solve inside a training half-step, by the row's cheapest route. <paramref name="result"/>
    /// holds the row's previous value on entry: conjugate gradient starts from it.
    /// </summary>
    /// <param name="ridge">The row's own ridge (<see cref="ImplicitAls.RowRidge"/>) when it is not the half-step's: the Woodbury route, prepared for the half-step's, is then not taken.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Solve(ImplicitHalfStep step, ReadOnlySpan<int> rows, ReadOnlySpan<double> confidenceMinusOne, Span<double> result, double? ridge = null)
    {
        double lambda = ridge ?? step.Lambda;
        bool woodbury = step.SolvedFactors is not null && lambda == step.Lambda;
        switch (ChooseRoute(rows.Length, step.Factors.Rank, step.ConjugateGradientSteps, woodbury))
        {
            case ImplicitRoute.Zero:
                result.Clear();
                break;
            case ImplicitRoute.Woodbury:
                SolveByWoodbury(step, rows, confidenceMinusOne, result);
                break;
            case ImplicitRoute.Cholesky:
                Solve(step.Factors, step.Gram, lambda, rows, confidenceMinusOne, result);
                break;
            default:
                SolveByConjugateGradient(step.Rows, step.Gram, lambda, rows, confidenceMinusOne, result, step.ConjugateGradientSteps);
                break;
        }
    }

    /// <summary>
    /// At most <paramref name="steps"/> conjugate-gradient steps on the row's system, starting
    /// from the value in <paramref name="result"/>, stopping early when the squared residual is
    /// below <see cref="ResidualTolerance"/>. With steps >= k it is exact up to rounding.
    /// </summary>
    internal void SolveByConjugateGradient(FactorRows y, double[] gram, double lambda, ReadOnlySpan<int> rows,
        ReadOnlySpan<double> confidenceMinusOne, Span<double> result, int steps)
    {
        int k = y.Rank;
        var residual = _residual.AsSpan();
        var direction = _direction.AsSpan();
        var product = _product.AsSpan();

        // The row's rated vectors, gathered once in single precision: every step reads them twice.
        _gathered.Gather(y, rows);
        if (_rowProducts.Length < rows.Length) _rowProducts = new double[Math.Max(rows.Length, 2 * _rowProducts.Length)];
        var rowProducts = _rowProducts.AsSpan(0, rows.Length);

        // r = b - A x = sum_n (c_n - (c_n - 1) y_n . x) y_n - (G + lambda I) x
        Multiply(gram, lambda, result, product);
        for (int c = 0; c < k; c++) residual[c] = -product[c];
        if (_offsets.Length < rows.Length)
        {
            _offsets = new double[Math.Max(rows.Length, 2 * _offsets.Length)];
            _slopes = new double[_offsets.Length];
        }
        var offsets = _offsets.AsSpan(0, rows.Length);
        var slopes = _slopes.AsSpan(0, rows.Length);
        for (int n = 0; n < rows.Length; n++)
        {
            offsets[n] = 1 + confidenceMinusOne[n];
            slopes[n] = -confidenceMinusOne[n];
        }
        _gathered.MultiplyAndAddTransposed(result, rowProducts, offsets, slopes, slope: 0, residual);
        residual.CopyTo(direction);
        double squared = VectorMath.Dot(residual, residual);

        for (int step = 0; step < steps && squared >= ResidualTolerance; step++)
        {
            // A p = (G + lambda I) p + sum_n (c_n - 1) (y_n . p) y_n, one pass over the rated vectors
            Multiply(gram, lambda, direction, product);
            _gathered.MultiplyAndAddTransposed(direction, rowProducts, ReadOnlySpan<double>.Empty, confidenceMinusOne, slope: 0, product);
            double curvature = VectorMath.Dot(direction, product);
            if (!(curvature > 0)) break; // p is 0 to rounding: nothing left to gain
            double alpha = squared / curvature;
            VectorMath.AddScaled(result, alpha, direction);
            VectorMath.AddScaled(residual, -alpha, product);
            double next = VectorMath.Dot(residual, residual);
            double beta = next / squared;
            for (int c = 0; c < k; c++) direction[c] = residual[c] + beta * direction[c];
            squared = next;
        }
    }

    /// <summary>target = (G + lambda I) v, G symmetric row-major (so G^T v, which the kernel forms fastest, is G v).</summary>
    private static void Multiply(double[] gram, double lambda, ReadOnlySpan<double> v, Span<double> target)
    {
        MatrixVector.MultiplyTransposed(gram, v, target);
        VectorMath.AddScaled(target, lambda, v);
    }

    private void SolveByWoodbury(ImplicitHalfStep step, ReadOnlySpan<int> rows, ReadOnlySpan<double> confidenceMinusOne, Span<double> result)
    {
        int n = rows.Length;
        var y = step.Factors;
        var h = step.SolvedFactors ?? throw new InvalidOperationException("the half-step has no Woodbury factors");
        if (_weights.Length < n) _weights = new double[n];
        var sqrtW = _weights.AsSpan(0, n);
        for (int a = 0; a < n; a++) sqrtW[a] = Math.Sqrt(confidenceMinusOne[a]);

        // base = B^-1 b = sum_n c_n h_n
        var baseSolution = _base.AsSpan();
        baseSolution.Clear();
        for (int a = 0; a < n; a++) VectorMath.AddScaled(baseSolution, 1 + confidenceMinusOne[a], h.Row(rows[a]));

        // (I + U^T B^-1 U) s = U^T B^-1 b, with U's columns sqrt(w_n) y_n
        var (small, rhs) = _cholesky.Buffers(n);
        for (int a = 0; a < n; a++)
        {
            var ya = y.Row(rows[a]);
            int b = 0;
            // Four products at a time (VectorMath.DotFour): these n^2 / 2 dot products are the route's cost.
            for (; b + 3 <= a; b += 4)
            {
                var (d0, d1, d2, d3) = VectorMath.DotFour(ya, h.Row(rows[b]), h.Row(rows[b + 1]), h.Row(rows[b + 2]), h.Row(rows[b + 3]));
                small[a * n + b] = small[b * n + a] = sqrtW[a] * sqrtW[b] * d0;
                small[a * n + b + 1] = small[(b + 1) * n + a] = sqrtW[a] * sqrtW[b + 1] * d1;
                small[a * n + b + 2] = small[(b + 2) * n + a] = sqrtW[a] * sqrtW[b + 2] * d2;
                small[a * n + b + 3] = small[(b + 3) * n + a] = sqrtW[a] * sqrtW[b + 3] * d3;
            }
            for (; b <= a; b++)
                small[a * n + b] = small[b * n + a] = sqrtW[a] * sqrtW[b] * VectorMath.Dot(ya, h.Row(rows[b]));
            small[a * n + a] += 1;
            rhs[a] = sqrtW[a] * VectorMath.Dot(ya, baseSolution);
        }
        var s = _cholesky.Solve(n);

        // x = base - B^-1 U s = base - sum_n sqrt(w_n) s_n h_n
        baseSolution.CopyTo(result);
        for (int a = 0; a < n; a++) VectorMath.AddScaled(result, -sqrtW[a] * s[a], h.Row(rows[a]));
    }
}
