using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>
/// One row's solve of alternating least squares:
///   w = argmin sum_n (y_n - x_n . w)^2 + lambda ||w - c||^2
/// where x_n are rows of the fixed factor matrix and c is a prior centre (zero for plain ALS; z_u
/// for the SVD++ user step). Normal equations: (X^T X + lambda I) w = X^T y + lambda c.
///
/// With fewer ratings than factors (most movies), the same w comes cheaper from the dual form
///   w = c + X^T (X X^T + lambda I)^-1 (y - X c),
/// an n x n system instead of k x k. Both are solved by Cholesky (<see cref="Cholesky"/>).
/// One instance per thread.
/// </summary>
public sealed class RidgeSolver
{
    private readonly CholeskySolver _cholesky = new();
    private readonly GramAccumulator _gram = new(GramPrecision.Single);
    private readonly ConjugateGradientRidge _conjugateGradient = new();
    private double[] _targets = [];

    /// <summary>
    /// Solves the row into <paramref name="result"/>. With <paramref name="warmSteps"/> &gt; 0 and a
    /// row for which <see cref="UsesConjugateGradient"/> holds, <paramref name="result"/> must hold a
    /// warm start (the row's last solution) and that many conjugate-gradient steps replace the
    /// exact solve (<see cref="ConjugateGradientRidge"/>); otherwise the solve is exact.
    /// </summary>
    public void Solve(FactorMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, double lambda,
        ReadOnlySpan<double> centre, Span<double> result, int warmSteps = 0)
    {
        if (rows.Length != targets.Length) throw new ArgumentException("one target per row");
        if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), "the ridge must be positive");
        if (rows.Length == 0)
        {
            // No evidence: the minimiser is the centre itself.
            if (centre.IsEmpty) result.Clear(); else centre.CopyTo(result);
            return;
        }
        if (rows.Length < x.Rank) SolveDual(x, rows, targets, lambda, centre, result);
        else if (warmSteps > 0 && UsesConjugateGradient(rows.Length, x.Rank)) _conjugateGradient.Solve(x, rows, targets, lambda, centre, warmSteps, result);
        else SolvePrimal(x, rows, targets, lambda, centre, result);
    }

    /// <summary>
    /// Whether a warm-started row of n ratings takes conjugate gradient: from k ratings (shorter
    /// rows take the cheaper exact dual) while the gathered single-precision block fits in the
    /// second-level cache (n k 4 bytes up to 512 KB: 2,048 ratings at k = 64). Each CG step reads
    /// the block twice, so a longer row would stream it from memory six to eight times, while the
    /// exact Gram reads it once in cache-sized blocks at close to the machine's multiply-add rate,
    /// and its k x k Cholesky is then a small share of the work.
    /// </summary>
    public static bool UsesConjugateGradient(int n, int k) => n >= k && (long)n * k * sizeof(float) <= ConjugateGradientBlockBytes;

    private const int ConjugateGradientBlockBytes = 512 * 1024;

    /// <summary>
    /// Floating-point operations of one solve with n ratings and k factors, counting a multiply-add
    /// as two, by the route <see cref="Solve"/> takes: for the bench's GFLOP/s figure.
    /// </summary>
    public static double EstimatedFlops(int n, int k, int warmSteps = 0)
    {
        if (n == 0) return 0;
        if (warmSteps > 0 && UsesConjugateGradient(n, k)) // conjugate gradient: the residual pass, then per step X^T (X p) and the vector updates
            return 4.0 * n * k + warmSteps * (4.0 * n * k + 12.0 * k);
        if (n < k) // dual: n(n+1)/2 dot products, n x n Cholesky and solve, the centring and X^T alpha
            return (double)n * (n + 1) * k + n * (double)n * n / 3 + 2.0 * n * n + 4.0 * n * k;
        // primal: the lower triangle of X^T X, X^T y, k x k Cholesky and solve
        return (double)n * k * (k + 1) + 2.0 * n * k + (double)k * k * k / 3 + 2.0 * k * k;
    }

    private void SolvePrimal(FactorMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, double lambda,
        ReadOnlySpan<double> centre, Span<double> result)
    {
        int k = x.Rank;
        var (gram, rhs) = _cholesky.Buffers(k);
        Array.Clear(gram);
        Array.Clear(rhs);
        if (_targets.Length < rows.Length) _targets = new double[Math.Max(rows.Length, 2 * _targets.Length)];
        var coefficients = _targets.AsSpan(0, rows.Length);
        for (int n = 0; n < rows.Length; n++) coefficients[n] = targets[n];
        // X^T X (lower triangle, single-precision products carried in double) and X^T y in one pass.
        _gram.Add(x, rows, ReadOnlySpan<double>.Empty, coefficients, gram, rhs);
        VectorMath.MirrorLowerTriangle(gram, k);
        VectorMath.AddToDiagonal(gram, k, lambda);
        if (!centre.IsEmpty) VectorMath.AddScaled(rhs, lambda, centre);

        _cholesky.Solve(k).CopyTo(result);
    }

    private void SolveDual(FactorMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, double lambda,
        ReadOnlySpan<double> centre, Span<double> result)
    {
        int n = rows.Length;
        if (n == 1)
        {
            // One rating (a third of the movies of ml-latest-small): the 1 x 1 system needs no
            // factorisation, alpha = (y - x . c) / (x . x + lambda).
            var x0 = x.Row(rows[0]);
            double alpha0 = (targets[0] - (centre.IsEmpty ? 0 : VectorMath.Dot(x0, centre))) / (VectorMath.Dot(x0, x0) + lambda);
            if (centre.IsEmpty) result.Clear(); else centre.CopyTo(result);
            VectorMath.AddScaled(result, alpha0, x0);
            return;
        }
        var (gram, rhs) = _cholesky.Buffers(n);
        for (int a = 0; a < n; a++)
        {
            var xa = x.Row(rows[a]);
            for (int b = 0; b <= a; b++)
                gram[a * n + b] = gram[b * n + a] = VectorMath.Dot(xa, x.Row(rows[b]));
            gram[a * n + a] += lambda;
            rhs[a] = targets[a] - (centre.IsEmpty ? 0 : VectorMath.Dot(xa, centre));
        }
        var alpha = _cholesky.Solve(n);

        if (centre.IsEmpty) result.Clear(); else centre.CopyTo(result);
        for (int a = 0; a < n; a++) VectorMath.AddScaled(result, alpha[a], x.Row(rows[a]));
    }
}
