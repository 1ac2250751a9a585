using System.Runtime.CompilerServices;
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
/// an n x n system instead of k x k. A row that holds most rows of the fixed matrix (a blockbuster
/// rated by most users, a user who rated most movies) takes X^T X as the Gram of all the matrix's
/// rows (<see cref="FactorRows.AllRowsGram"/>, formed once per half-step) less the rows it lacks:
/// (U - n) outer products instead of n. Both forms are solved by Cholesky (<see cref="Cholesky"/>), with
/// X^T X, X X^T and X^T y summed from the rows rounded to single precision
/// (<see cref="GramAccumulator"/>, about 1e-7 relative) and the factorisation in double.
/// Asked for, a solve also returns its row's squared training error at little cost: from the
/// normal equations (primal), from the dual's own residual y - X w = lambda alpha (dual), or from
/// the gathered rows still in cache (conjugate gradient), never by fetching the rows again.
/// One instance per thread.
/// </summary>
public sealed class RidgeSolver
{
    private readonly CholeskySolver _cholesky = new();
    private readonly GramAccumulator _gram = new(GramPrecision.Single);
    private readonly GatheredRows _gathered = new();
    private readonly ConjugateGradientRidge _conjugateGradient = new();
    private double[] _targets = [];
    private double[] _saved = [];
    private int[] _missing = [];

    /// <summary>
    /// Solves the row into <paramref name="result"/>. With <paramref name="warmSteps"/> &gt; 0 and a
    /// row for which <see cref="UsesConjugateGradient"/> holds, <paramref name="result"/> must hold a
    /// warm start (the row's last solution) and that many conjugate-gradient steps replace the
    /// exact solve (<see cref="ConjugateGradientRidge"/>); otherwise the solve is exact.
    /// </summary>
    /// <returns>With <paramref name="measureError"/>, sum_n (y_n - x_n . w)^2 of the solution; otherwise NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Solve(FactorRows x, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, double lambda,
        ReadOnlySpan<double> centre, Span<double> result, int warmSteps = 0, bool measureError = false)
    {
        if (rows.Length != targets.Length) throw new ArgumentException("one target per row");
        if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), "the ridge must be positive");
        if (rows.Length == 0)
        {
            // No evidence: the minimiser is the centre itself.
            if (centre.IsEmpty) result.Clear(); else centre.CopyTo(result);
            return measureError ? 0 : double.NaN;
        }
        if (rows.Length < x.Rank) return SolveDual(x, rows, targets, lambda, centre, result, measureError);
        if (warmSteps > 0 && UsesConjugateGradient(rows.Length, x.Rank))
        {
            _conjugateGradient.Solve(x, rows, targets, lambda, centre, warmSteps, result);
            return measureError ? _conjugateGradient.SquaredError(targets) : double.NaN;
        }
        return SolvePrimal(x, rows, targets, lambda, centre, result, measureError);
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
    /// Whether a row of n distinct ratings against a matrix of <paramref name="matrixRows"/> rows
    /// takes its X^T X from the Gram of all rows less the rows it lacks: when it lacks fewer than
    /// it holds (and it is solved by the primal form, n &gt;= k, exactly).
    /// </summary>
    public static bool UsesComplement(int n, int k, int matrixRows, int warmSteps = 0) =>
        n >= k && 2L * n > matrixRows && !(warmSteps > 0 && UsesConjugateGradient(n, k));

    /// <summary>
    /// Whether forming the Gram of all <paramref name="matrixRows"/> rows (the cost of that many
    /// outer products) pays for itself over a half-step of these rows: the outer products the
    /// complement route saves must exceed it.
    /// </summary>
    public static bool ComplementPays(CsrRows rows, int k, int matrixRows, int warmSteps)
    {
        long saved = 0;
        for (int row = 0; row < rows.RowCount; row++)
        {
            int n = rows.RowLength(row);
            if (UsesComplement(n, k, matrixRows, warmSteps)) saved += n - (matrixRows - n);
        }
        return saved > matrixRows;
    }

    /// <summary>
    /// Floating-point operations of one solve with n ratings and k factors, counting a multiply-add
    /// as two, by the route <see cref="Solve"/> takes: for the bench's GFLOP/s figure. With
    /// <paramref name="matrixRows"/> (the fixed matrix's rows, when its Gram of all rows is formed),
    /// the complement route counts the outer products it makes, not those it saves.
    /// </summary>
    public static double EstimatedFlops(int n, int k, int warmSteps = 0, int matrixRows = 0)
    {
        if (n == 0) return 0;
        if (matrixRows > 0 && UsesComplement(n, k, matrixRows, warmSteps)) // the missing rows' outer products, X^T y, k x k Cholesky and solve
            return (double)(matrixRows - n) * k * (k + 1) + 2.0 * n * k + (double)k * k * k / 3 + 2.0 * k * k;
        if (warmSteps > 0 && UsesConjugateGradient(n, k)) // conjugate gradient: the residual pass, then per step X^T (X p) and the vector updates
            return 4.0 * n * k + warmSteps * (4.0 * n * k + 12.0 * k);
        if (n < k) // dual: n(n+1)/2 dot products, n x n Cholesky and solve, the centring and X^T alpha
            return (double)n * (n + 1) * k + n * (double)n * n / 3 + 2.0 * n * n + 4.0 * n * k;
        // primal: the lower triangle of X^T X, X^T y, k x k Cholesky and solve
        return (double)n * k * (k + 1) + 2.0 * n * k + (double)k * k * k / 3 + 2.0 * k * k;
    }

    private double SolvePrimal(FactorRows x, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, double lambda,
        ReadOnlySpan<double> centre, Span<double> result, bool measureError)
    {
        int k = x.Rank;
        var (gram, rhs) = _cholesky.Buffers(k);
        Array.Clear(gram);
        Array.Clear(rhs);
        var coefficients = Targets(targets);
        if (x.AllRowsGram is { } allRows && UsesComplement(rows.Length, k, x.Rows) && TryMissing(rows, x.Rows, out int missingCount))
        {
            var missing = _missing.AsSpan(0, missingCount);
            // X^T X = (Gram of all rows) - (Gram of the rows this row lacks); X^T y as below.
            allRows.CopyTo(gram, 0);
            _gram.Subtract(x, missing, gram);
            _gram.AddRightHandSide(x, rows, coefficients, rhs);
        }
        // X^T X (lower triangle, single-precision products carried in double) and X^T y in one pass.
        else _gram.Add(x, rows, ReadOnlySpan<double>.Empty, coefficients, gram, rhs);
        // The factorisation overwrites the diagonal and X^T y; the error needs both (the strict
        // lower triangle, which the factorisation leaves alone, holds the rest of X^T X).
        if (_saved.Length < 2 * k) _saved = new double[2 * k];
        var diagonal = _saved.AsSpan(0, k);
        var xty = _saved.AsSpan(k, k);
        if (measureError)
        {
            for (int a = 0; a < k; a++) diagonal[a] = gram[a * k + a];
            rhs.CopyTo(xty);
        }
        VectorMath.MirrorLowerTriangle(gram, k);
        VectorMath.AddToDiagonal(gram, k, lambda);
        if (!centre.IsEmpty) VectorMath.AddScaled(rhs, lambda, centre);

        _cholesky.Solve(k).CopyTo(result);
        if (!measureError) return double.NaN;
        // sum (y - X w)^2 = y.y - 2 w.(X^T y) + w^T (X^T X) w
        double wGw = 0;
        for (int a = 0; a < k; a++)
        {
            double below = 0;
            for (int b = 0; b < a; b++) below += gram[a * k + b] * result[b];
            wGw += result[a] * (diagonal[a] * result[a] + 2 * below);
        }
        double error = VectorMath.Dot(coefficients, coefficients) - 2 * VectorMath.Dot(result, xty) + wGw;
        return Math.Max(0, error);
    }

    private double SolveDual(FactorRows x, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, double lambda,
        ReadOnlySpan<double> centre, Span<double> result, bool measureError)
    {
        int n = rows.Length;
        if (n == 1)
        {
            // One rating (a third of the movies of ml-latest-small): the 1 x 1 system needs no
            // factorisation, alpha = (y - x . c) / (x . x + lambda).
            var x0 = x.Double.Row(rows[0]);
            double alpha0 = (targets[0] - (centre.IsEmpty ? 0 : VectorMath.Dot(x0, centre))) / (VectorMath.Dot(x0, x0) + lambda);
            if (centre.IsEmpty) result.Clear(); else centre.CopyTo(result);
            VectorMath.AddScaled(result, alpha0, x0);
            return measureError ? lambda * lambda * alpha0 * alpha0 : double.NaN;
        }
        _gathered.Gather(x, rows);
        var (gram, rhs) = _cholesky.Buffers(n);
        Array.Clear(gram);
        _gram.AddRowProducts(_gathered, gram);
        VectorMath.MirrorLowerTriangle(gram, n);
        VectorMath.AddToDiagonal(gram, n, lambda);
        // rhs = y - X c
        if (centre.IsEmpty) Targets(targets).CopyTo(rhs);
        else
        {
            var products = Targets(targets); // reused: n numbers, overwritten below
            _gathered.Multiply(centre, products);
            for (int a = 0; a < n; a++) rhs[a] = targets[a] - products[a];
        }
        var alpha = _cholesky.Solve(n);

        // w = c + X^T alpha; and y - X w = lambda alpha, so the error needs no pass over the rows.
        if (centre.IsEmpty) result.Clear(); else centre.CopyTo(result);
        _gathered.AddTransposedProduct(alpha, result);
        return measureError ? lambda * lambda * VectorMath.Dot(alpha, alpha) : double.NaN;
    }

    /// <summary>
    /// The rows of 0..<paramref name="matrixRows"/> that <paramref name="rows"/> lacks, into the
    /// reused buffer; false unless <paramref name="rows"/> is strictly ascending within the matrix
    /// (every training row is; a caller's list with repeats takes the direct route).
    /// </summary>
    private bool TryMissing(ReadOnlySpan<int> rows, int matrixRows, out int count)
    {
        count = 0;
        for (int n = 0; n < rows.Length; n++)
            if (rows[n] < 0 || rows[n] >= matrixRows || (n > 0 && rows[n] <= rows[n - 1])) return false;
        if (_missing.Length < matrixRows - rows.Length) _missing = new int[matrixRows - rows.Length];
        int next = 0;
        foreach (int row in rows)
        {
            while (next < row) _missing[count++] = next++;
            next = row + 1;
        }
        while (next < matrixRows) _missing[count++] = next++;
        return true;
    }

    /// <summary>The targets in double precision, in a reused buffer.</summary>
    private Span<double> Targets(ReadOnlySpan<float> targets)
    {
        if (_targets.Length < targets.Length) _targets = new double[Math.Max(targets.Length, 2 * _targets.Length)];
        var span = _targets.AsSpan(0, targets.Length);
        for (int n = 0; n < targets.Length; n++) span[n] = targets[n];
        return span;
    }
}
