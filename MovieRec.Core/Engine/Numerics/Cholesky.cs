namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// Cholesky factorisation A = U^T U and solve of a small symmetric positive definite matrix,
/// row-major, written so that every inner loop runs over a contiguous row: the outer-product
/// (right-looking) form updates the trailing rows of the upper triangle with independent
/// multiply-adds (<see cref="VectorMath.AddScaled"/>), rather than the chains of short dot
/// products that make a general-purpose routine slow at these sizes. For the k x k systems of
/// ALS (k = 20 to 128) it runs several times faster than MathNet's managed provider, which stays
/// the reference the tests check it against (docs/BENCHMARKS.md has the figures).
/// </summary>
public static class Cholesky
{
    /// <summary>
    /// Overwrites the upper triangle (column &gt;= row) of <paramref name="matrix"/> with U; reads
    /// only the upper triangle and leaves the lower one as it was.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not (numerically) positive definite.</exception>
    public static void FactorUpper(Span<double> matrix, int order)
    {
        if (matrix.Length < order * order) throw new ArgumentException("the matrix is smaller than order x order");
        for (int j = 0; j < order; j++)
        {
            var rowJ = matrix.Slice(j * order, order);
            double pivot = rowJ[j];
            if (!(pivot > 0)) throw new ArgumentException($"the matrix is not positive definite (pivot {j} is {pivot})");
            double diagonal = Math.Sqrt(pivot);
            rowJ[j] = diagonal;
            var tail = rowJ[(j + 1)..];
            double inverse = 1 / diagonal;
            for (int c = 0; c < tail.Length; c++) tail[c] *= inverse;
            // A[i, i..] -= U[j, i] * U[j, i..] for every later row i: the trailing update.
            for (int i = j + 1; i < order; i++)
                VectorMath.AddScaled(matrix.Slice(i * order + i, order - i), -rowJ[i], rowJ[i..]);
        }
    }

    /// <summary>Solves U^T U x = b in place (<paramref name="rhs"/> becomes x) with U from <see cref="FactorUpper"/>.</summary>
    public static void SolveFactored(ReadOnlySpan<double> factor, int order, Span<double> rhs)
    {
        if (rhs.Length != order) throw new ArgumentException("the right-hand side must have the matrix's order");
        // U^T z = b, by columns of U^T (= rows of U): z_j = b_j / U_jj, then b[j+1..] -= z_j U[j, j+1..].
        for (int j = 0; j < order; j++)
        {
            var rowJ = factor.Slice(j * order, order);
            rhs[j] /= rowJ[j];
            VectorMath.AddScaled(rhs[(j + 1)..], -rhs[j], rowJ[(j + 1)..]);
        }
        // U x = z, from the last row up: x_i = (z_i - U[i, i+1..] . x[i+1..]) / U_ii.
        for (int i = order - 1; i >= 0; i--)
        {
            var rowI = factor.Slice(i * order, order);
            rhs[i] = (rhs[i] - VectorMath.Dot(rowI[(i + 1)..], rhs[(i + 1)..])) / rowI[i];
        }
    }
}
