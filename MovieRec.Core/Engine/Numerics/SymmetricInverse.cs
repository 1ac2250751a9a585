using System.Runtime.CompilerServices;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// The inverse of a symmetric positive definite matrix (EASE's P = (X^T X + lambda I)^-1, order
/// about 1,000) by the block sweep operator: Gauss-Jordan elimination without pivoting, which is
/// stable for such a matrix because every pivot block it inverts is a Schur complement of it, and
/// so positive definite too. Sweeping block K of A (rows and columns K, D = A_KK^-1):
///   A_ij -= A_iK D A_Kj (i, j outside K),   A_iK = A_iK D,   A_Kj = D A_Kj,   A_KK = -D;
/// after every block has been swept A holds -A^-1. The point of this form over Cholesky followed
/// by a triangular inverse and a product is that almost all of its n^3 / 2 multiply-adds are one
/// operation, a rank-48 update of the upper triangle, which runs as a register-tiled matrix product
/// (<see cref="TileProduct"/>; both panels 48 x n, resident in the second-level cache up to n of about 1,300) instead of the row-at-a-time passes that streamed the whole matrix
/// from memory. Only the upper triangle is read and updated; the result is mirrored at the end.
/// MathNet's inverse is the reference the tests check it against. Rows of the update are shared
/// among <c>threads</c>; every entry's sum runs in the same order whichever thread computes it.
/// </summary>
public static class SymmetricInverse
{
    /// <summary>The pivot block: a multiple of both tile sides (6 x 8), so that tiles never straddle it.</summary>
    private const int Block = 48;
    private const int TileRows = TileProduct.Rows;
    private const int TileColumns = TileProduct.Columns;

    /// <summary>A^-1 of the order x order matrix in <paramref name="matrix"/> (row-major; only its upper triangle is read), full and symmetric.</summary>
    /// <exception cref="ArgumentException">The matrix is not (numerically) positive definite.</exception>
    public static double[] Invert(ReadOnlySpan<double> matrix, int order, int threads = 1)
    {
        if (order < 0 || matrix.Length < (long)order * order) throw new ArgumentException("the matrix is smaller than order x order");
        // Padded with an identity block to whole pivot blocks: the inverse of diag(A, I) is diag(A^-1, I).
        int padded = (order + Block - 1) / Block * Block;
        var a = new double[padded * padded];
        for (int i = 0; i < order; i++) matrix.Slice(i * order + i, order - i).CopyTo(a.AsSpan(i * padded + i));
        for (int i = order; i < padded; i++) a[i * padded + i] = 1;

        var pivotRows = new double[Block * padded]; // X^T: row p is A[k0 + p, *]
        var solved = new double[Block * padded];    // Y^T = D X^T
        var pivotInverse = new double[Block * Block];
        for (int k0 = 0; k0 < padded; k0 += Block)
        {
            GatherPivotRows(a, padded, k0, pivotRows);
            InvertPivotBlock(pivotRows, padded, k0, pivotInverse);
            MultiplyByPivotInverse(pivotInverse, pivotRows, padded, solved);
            UpdateOutsidePivot(a, padded, k0, solved, pivotRows, threads);
            WritePivotRowsAndColumns(a, padded, k0, solved, pivotInverse);
        }

        var inverse = new double[order * order];
        for (int i = 0; i < order; i++)
            for (int j = i; j < order; j++)
                inverse[i * order + j] = inverse[j * order + i] = -a[i * padded + j];
        return inverse;
    }

    /// <summary>Row p of <paramref name="pivotRows"/> = A[k0 + p, j] for every j, read from the upper triangle (A[j, k0 + p] left of the diagonal).</summary>
    private static void GatherPivotRows(double[] a, int n, int k0, double[] pivotRows)
    {
        for (int p = 0; p < Block; p++)
        {
            int row = k0 + p;
            var target = pivotRows.AsSpan(p * n, n);
            for (int j = 0; j < row; j++) target[j] = a[j * n + row];
            a.AsSpan(row * n + row, n - row).CopyTo(target[row..]);
        }
    }

    /// <summary>D = A_KK^-1 of the pivot block (its columns k0.. of the gathered rows), by Cholesky and one solve per column.</summary>
    private static void InvertPivotBlock(double[] pivotRows, int n, int k0, double[] pivotInverse)
    {
        Span<double> factor = stackalloc double[Block * Block];
        for (int p = 0; p < Block; p++) pivotRows.AsSpan(p * n + k0, Block).CopyTo(factor.Slice(p * Block, Block));
        Cholesky.FactorUpper(factor, Block);
        Span<double> column = stackalloc double[Block];
        for (int q = 0; q < Block; q++)
        {
            column.Clear();
            column[q] = 1;
            Cholesky.SolveFactored(factor, Block, column);
            for (int p = 0; p < Block; p++) pivotInverse[p * Block + q] = column[p];
        }
    }

    /// <summary>Y^T = D X^T: row p of <paramref name="solved"/> = sum_q D[p, q] (row q of the pivot rows).</summary>
    private static void MultiplyByPivotInverse(double[] pivotInverse, double[] pivotRows, int n, double[] solved)
    {
        Array.Clear(solved);
        for (int p = 0; p < Block; p++)
        {
            var target = solved.AsSpan(p * n, n);
            for (int q = 0; q < Block; q++) VectorMath.AddScaled(target, pivotInverse[p * Block + q], pivotRows.AsSpan(q * n, n));
        }
    }

    /// <summary>A_ij -= sum_p Y^T[p, i] X^T[p, j] over the upper triangle's tiles outside the pivot rows and columns.</summary>
    private static void UpdateOutsidePivot(double[] a, int n, int k0, double[] solved, double[] pivotRows, int threads)
    {
        int rowTiles = n / TileRows;
        int pivotTilesFrom = k0 / TileRows, pivotTilesTo = (k0 + Block) / TileRows;
        ParallelRows.For(rowTiles, Math.Max(1, threads), () => 0, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (tile, _) =>
        {
            if (tile >= pivotTilesFrom && tile < pivotTilesTo) return;
            int i0 = tile * TileRows;
            // Tiles from the one holding the diagonal: the few entries below it in that tile are
            // updated too, harmlessly (only the upper triangle is ever read).
            for (int j0 = i0 / TileColumns * TileColumns; j0 < n; j0 += TileColumns)
            {
                if (j0 >= k0 && j0 < k0 + Block) continue;
                TileProduct.Accumulate(a, n, i0, j0, solved, pivotRows, n, Block, subtract: true);
            }
        }, minimumChunk: 1);
    }

    /// <summary>The swept pivot's rows and columns (upper triangle): A_Kj = (D A_Kj) for j right of K, A_iK = (A_iK D) for i above K, A_KK = -D.</summary>
    private static void WritePivotRowsAndColumns(double[] a, int n, int k0, double[] solved, double[] pivotInverse)
    {
        for (int p = 0; p < Block; p++)
        {
            int row = k0 + p;
            for (int q = p; q < Block; q++) a[row * n + k0 + q] = -pivotInverse[p * Block + q];
            solved.AsSpan(p * n + k0 + Block, n - k0 - Block).CopyTo(a.AsSpan(row * n + k0 + Block));
            for (int i = 0; i < k0; i++) a[i * n + row] = solved[p * n + i];
        }
    }
}
