using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// gram += sum_n w_n x_n x_n^T over chosen rows x_n of a factor matrix: the X^T X of every ALS
/// solve, where training spends most of its time.
///
/// The rows are first gathered, scaled by sqrt(w_n), into a contiguous block padded to whole
/// vectors; then each 4 x (2 vectors) tile of the lower triangle is summed over the block in
/// registers and added to the matrix once. Keeping the eight accumulators in registers, instead of
/// loading and storing matrix elements for every rating, is what makes this kernel fast; blocks
/// of at most <see cref="BlockBytes"/> keep the gathered rows in the first-level data cache,
/// which every tile pass reads again.
/// Only the lower triangle (column &lt;= row) is guaranteed; see <see cref="VectorMath.MirrorLowerTriangle"/>.
/// One instance per thread.
/// </summary>
public sealed class GramAccumulator
{
    private const int BlockBytes = 24 * 1024;
    private const int TileRows = 4;
    private static readonly int Width = Vector<double>.Count;

    private double[] _block = [];

    public void Add(FactorMatrix factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights, Span<double> gram)
    {
        int k = factors.Rank;
        if (gram.Length != k * k) throw new ArgumentException("gram must be rank x rank");
        if (!weights.IsEmpty && weights.Length != rows.Length) throw new ArgumentException("one weight per row");
        int padded = (k + 2 * Width - 1) / (2 * Width) * (2 * Width);
        int blockRows = Math.Max(8, BlockBytes / (padded * sizeof(double)));
        if (_block.Length < blockRows * padded) _block = new double[blockRows * padded];

        for (int start = 0; start < rows.Length; start += blockRows)
        {
            int count = Math.Min(blockRows, rows.Length - start);
            Gather(factors, rows.Slice(start, count), weights.IsEmpty ? weights : weights.Slice(start, count), padded);
            AddBlock(count, padded, k, gram);
        }
    }

    private void Gather(FactorMatrix factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights, int padded)
    {
        int k = factors.Rank;
        for (int n = 0; n < rows.Length; n++)
        {
            var source = factors.Row(rows[n]);
            var target = _block.AsSpan(n * padded, padded);
            if (weights.IsEmpty)
            {
                source.CopyTo(target);
            }
            else
            {
                // sum w x x^T = sum (sqrt(w) x)(sqrt(w) x)^T; confidences are never negative.
                double scale = Math.Sqrt(weights[n]);
                for (int c = 0; c < k; c++) target[c] = scale * source[c];
            }
            target[k..].Clear();
        }
    }

    private void AddBlock(int count, int padded, int k, Span<double> gram)
    {
        ref double block = ref MemoryMarshal.GetArrayDataReference(_block);
        for (int a0 = 0; a0 < k; a0 += TileRows)
        {
            // Tiles whose first column lies past the tile's last row are wholly upper: skipped.
            int lastRow = Math.Min(a0 + TileRows, k) - 1;
            for (int b0 = 0; b0 <= lastRow; b0 += 2 * Width)
            {
                Vector<double> c00 = default, c01 = default, c10 = default, c11 = default;
                Vector<double> c20 = default, c21 = default, c30 = default, c31 = default;
                for (int n = 0; n < count; n++)
                {
                    ref double row = ref Unsafe.Add(ref block, n * padded);
                    var x0 = Vector.LoadUnsafe(ref row, (nuint)b0);
                    var x1 = Vector.LoadUnsafe(ref row, (nuint)(b0 + Width));
                    var s = new Vector<double>(Unsafe.Add(ref row, a0));
                    c00 = Vector.FusedMultiplyAdd(s, x0, c00);
                    c01 = Vector.FusedMultiplyAdd(s, x1, c01);
                    s = new Vector<double>(Unsafe.Add(ref row, a0 + 1));
                    c10 = Vector.FusedMultiplyAdd(s, x0, c10);
                    c11 = Vector.FusedMultiplyAdd(s, x1, c11);
                    s = new Vector<double>(Unsafe.Add(ref row, a0 + 2));
                    c20 = Vector.FusedMultiplyAdd(s, x0, c20);
                    c21 = Vector.FusedMultiplyAdd(s, x1, c21);
                    s = new Vector<double>(Unsafe.Add(ref row, a0 + 3));
                    c30 = Vector.FusedMultiplyAdd(s, x0, c30);
                    c31 = Vector.FusedMultiplyAdd(s, x1, c31);
                }
                AddTileRow(gram, k, a0, b0, c00, c01);
                AddTileRow(gram, k, a0 + 1, b0, c10, c11);
                AddTileRow(gram, k, a0 + 2, b0, c20, c21);
                AddTileRow(gram, k, a0 + 3, b0, c30, c31);
            }
        }
    }

    /// <summary>Adds one tile row into the matrix, dropping what falls outside it (padding).</summary>
    private static void AddTileRow(Span<double> gram, int k, int row, int column, Vector<double> first, Vector<double> second)
    {
        if (row >= k) return;
        var target = gram.Slice(row * k);
        for (int c = 0; c < Width; c++)
        {
            if (column + c < k) target[column + c] += first[c];
            if (column + Width + c < k) target[column + Width + c] += second[c];
        }
    }
}
