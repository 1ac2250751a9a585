using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// Cholesky factorisation A = U^T U and solve of a small symmetric positive definite matrix,
/// row-major, written so that every inner loop runs over a contiguous row: the outer-product
/// (right-looking) form updates the trailing rows of the upper triangle with independent
/// multiply-adds, four factor rows at a time, rather than the chains of short dot products that
/// make a general-purpose routine slow at these sizes. For the k x k systems of
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
        // Rows are factored in panels of four; the rows below a panel get its four updates in one
        // pass (a rank-4 update), so each element of the trailing matrix is loaded and stored once
        // per four multiply-adds instead of once per one.
        for (int j0 = 0; j0 < order; j0 += Panel)
        {
            int end = Math.Min(j0 + Panel, order);
            for (int j = j0; j < end; j++)
            {
                var rowJ = matrix.Slice(j * order, order);
                double pivot = rowJ[j];
                if (!(pivot > 0)) throw new ArgumentException($"the matrix is not positive definite (pivot {j} is {pivot})");
                double diagonal = Math.Sqrt(pivot);
                rowJ[j] = diagonal;
                var tail = rowJ[(j + 1)..];
                double inverse = 1 / diagonal;
                for (int c = 0; c < tail.Length; c++) tail[c] *= inverse;
                // The panel's own later rows need this row's update before their pivots.
                for (int i = j + 1; i < end; i++)
                    VectorMath.AddScaled(matrix.Slice(i * order + i, order - i), -rowJ[i], rowJ[i..]);
            }
            if (end - j0 == Panel) UpdateTrailingRows(matrix, order, j0);
            else
                for (int j = j0; j < end; j++)
                    for (int i = end; i < order; i++)
                        VectorMath.AddScaled(matrix.Slice(i * order + i, order - i), -matrix[j * order + i], matrix.Slice(j * order + i, order - i));
        }
    }

    private const int Panel = 4;

    /// <summary>A[i, i..] -= sum over the panel's rows j of U[j, i] U[j, i..], for every row i below the panel.</summary>
    private static void UpdateTrailingRows(Span<double> matrix, int order, int j0)
    {
        ref double m = ref MemoryMarshal.GetReference(matrix);
        ref double u0 = ref Unsafe.Add(ref m, j0 * order);
        ref double u1 = ref Unsafe.Add(ref u0, order);
        ref double u2 = ref Unsafe.Add(ref u1, order);
        ref double u3 = ref Unsafe.Add(ref u2, order);
        for (int i = j0 + Panel; i < order; i++)
        {
            double s0 = Unsafe.Add(ref u0, i), s1 = Unsafe.Add(ref u1, i), s2 = Unsafe.Add(ref u2, i), s3 = Unsafe.Add(ref u3, i);
            var v0 = Vector256.Create(s0);
            var v1 = Vector256.Create(s1);
            var v2 = Vector256.Create(s2);
            var v3 = Vector256.Create(s3);
            ref double a = ref Unsafe.Add(ref m, i * order);
            int c = i;
            for (; c + 4 <= order; c += 4)
            {
                var sum = Vector256.LoadUnsafe(ref u0, (nuint)c) * v0;
                sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref u1, (nuint)c), v1, sum);
                sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref u2, (nuint)c), v2, sum);
                sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref u3, (nuint)c), v3, sum);
                (Vector256.LoadUnsafe(ref a, (nuint)c) - sum).StoreUnsafe(ref a, (nuint)c);
            }
            for (; c < order; c++)
                Unsafe.Add(ref a, c) -= s0 * Unsafe.Add(ref u0, c) + s1 * Unsafe.Add(ref u1, c) + s2 * Unsafe.Add(ref u2, c) + s3 * Unsafe.Add(ref u3, c);
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
