namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// A few conjugate-gradient steps on one row's normal equations
///   (X^T X + lambda I) w = X^T y + lambda c,
/// started from the row's previous solution (Takacs, Pilaszy and Tikk's ALS-CG). X^T X is never
/// formed: each step applies it as X^T (X p), 2 n k multiply-adds, against n k^2 / 2 for the
/// Gram and k^3 / 6 for the Cholesky of an exact solve; from a warm start three steps leave the
/// fit where the exact solve would be (docs/BENCHMARKS.md has the held-out RMSE of both).
/// X is gathered once in single precision (<see cref="GatheredRows"/>); the k-vectors of the
/// iteration and X w stay in double. The steps depend on nothing but the row's inputs, so results stay
/// independent of the thread count. One instance per thread.
/// </summary>
public sealed class ConjugateGradientRidge
{
    private readonly GatheredRows _x = new();
    private double[] _targets = [];
    private double[] _fitted = [];
    private double[] _products = [];
    private double[] _vectors = [];
    private int _count;

    /// <summary>
    /// Improves <paramref name="solution"/> (on entry the warm start, on exit the result) by at
    /// most <paramref name="steps"/> steps; stops early once the residual vanishes. Each step is
    /// one pass over the gathered rows (<see cref="GatheredRows.MultiplyAndAddTransposed"/>), and
    /// X w is carried along (X w_next = X w + alpha X p), so <see cref="SquaredError"/> needs no pass.
    /// </summary>
    public void Solve(FactorRows x, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, double lambda,
        ReadOnlySpan<double> centre, int steps, Span<double> solution)
    {
        int k = x.Rank, n = rows.Length;
        if (targets.Length != n) throw new ArgumentException("one target per row");
        if (solution.Length != k || (!centre.IsEmpty && centre.Length != k)) throw new ArgumentException("vectors must have the rank's length");
        if (_products.Length < n)
        {
            int size = Math.Max(n, 2 * _products.Length);
            _products = new double[size];
            _fitted = new double[size];
            _targets = new double[size];
        }
        if (_vectors.Length < 3 * k) _vectors = new double[3 * k];
        _count = n;
        var y = _targets.AsSpan(0, n);
        var fitted = _fitted.AsSpan(0, n);   // X w
        var products = _products.AsSpan(0, n); // X p
        var residual = _vectors.AsSpan(0, k);
        var direction = _vectors.AsSpan(k, k);
        var applied = _vectors.AsSpan(2 * k, k);
        for (int a = 0; a < n; a++) y[a] = targets[a];
        _x.Gather(x, rows);

        // r = X^T (y - X w) + lambda (c - w), with X w kept
        residual.Clear();
        _x.MultiplyAndAddTransposed(solution, fitted, offsets: y, slopes: ReadOnlySpan<double>.Empty, slope: -1, residual);
        VectorMath.AddScaled(residual, -lambda, solution);
        if (!centre.IsEmpty) VectorMath.AddScaled(residual, lambda, centre);

        residual.CopyTo(direction);
        double residualNorm = VectorMath.Dot(residual, residual);
        for (int step = 0; step < steps && residualNorm > 0; step++)
        {
            // applied = (X^T X + lambda I) direction, with X direction kept
            for (int c = 0; c < k; c++) applied[c] = lambda * direction[c];
            _x.MultiplyAndAddTransposed(direction, products, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, slope: 1, applied);
            double curvature = VectorMath.Dot(direction, applied);
            if (!(curvature > 0)) break;
            double alpha = residualNorm / curvature;
            VectorMath.AddScaled(solution, alpha, direction);
            VectorMath.AddScaled(fitted, alpha, products);
            VectorMath.AddScaled(residual, -alpha, applied);
            double next = VectorMath.Dot(residual, residual);
            double beta = next / residualNorm;
            residualNorm = next;
            // direction = residual + beta direction
            for (int c = 0; c < k; c++) direction[c] = residual[c] + beta * direction[c];
        }
    }

    /// <summary>
    /// sum_n (y_n - x_n . w)^2 of the rows and solution of the last <see cref="Solve"/>, from the
    /// X w it carried (no pass over the rows).
    /// </summary>
    public double SquaredError(ReadOnlySpan<float> targets)
    {
        if (targets.Length != _count) throw new ArgumentException("one target per row of the last solve");
        double sum = 0;
        for (int a = 0; a < _count; a++)
        {
            double error = targets[a] - _fitted[a];
            sum += error * error;
        }
        return sum;
    }
}
