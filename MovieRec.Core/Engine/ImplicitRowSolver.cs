using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>
/// One row of implicit ALS: (G + lambda I + sum_n (c_n - 1) y_n y_n^T) x = sum_n c_n y_n, where
/// G = Y^T Y is shared by every row of the half-step. Solved by Cholesky on MathNet: of the k x k
/// system for a row with many ratings, of the n x n Woodbury system (see
/// <see cref="ImplicitHalfStep"/>) for a row with fewer ratings than factors. Used in training
/// and to fold in a user the model has not seen. One instance per thread.
/// </summary>
public sealed class ImplicitRowSolver
{
    private readonly CholeskySolver _cholesky = new();
    private readonly GramAccumulator _gram = new();
    private double[] _weights = new double[64];
    private readonly double[] _base;

    public ImplicitRowSolver(int rank) => _base = new double[rank];

    /// <summary>The k x k solve from G alone (fold-in, where no half-step is prepared).</summary>
    public void Solve(FactorMatrix y, double[] gram, double lambda, ReadOnlySpan<int> rows,
        ReadOnlySpan<double> confidenceMinusOne, Span<double> result)
    {
        if (rows.IsEmpty)
        {
            // Every preference is 0, so the minimiser is 0.
            result.Clear();
            return;
        }
        int k = y.Rank;
        var (matrix, rhs) = _cholesky.Buffers(k);
        gram.CopyTo(matrix, 0);
        // The outer products fill the lower triangle only; G is symmetric already.
        _gram.Add(y, rows, confidenceMinusOne, matrix);
        VectorMath.MirrorLowerTriangle(matrix, k);
        VectorMath.AddToDiagonal(matrix, k, lambda);
        Array.Clear(rhs);
        for (int n = 0; n < rows.Length; n++) VectorMath.AddScaled(rhs, 1 + confidenceMinusOne[n], y.Row(rows[n]));
        _cholesky.Solve(k).CopyTo(result);
    }

    /// <summary>The same solve inside a training half-step, taking the cheaper exact route.</summary>
    internal void Solve(ImplicitHalfStep step, ReadOnlySpan<int> rows, ReadOnlySpan<double> confidenceMinusOne, Span<double> result)
    {
        if (rows.Length >= step.Factors.Rank)
        {
            Solve(step.Factors, step.Gram, step.Lambda, rows, confidenceMinusOne, result);
            return;
        }
        if (rows.IsEmpty)
        {
            result.Clear();
            return;
        }
        SolveByWoodbury(step, rows, confidenceMinusOne, result);
    }

    private void SolveByWoodbury(ImplicitHalfStep step, ReadOnlySpan<int> rows, ReadOnlySpan<double> confidenceMinusOne, Span<double> result)
    {
        int n = rows.Length;
        var y = step.Factors;
        var h = step.SolvedFactors;
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
            for (int b = 0; b <= a; b++)
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
