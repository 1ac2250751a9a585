using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// gram += sum_n w_n x_n x_n^T and, when asked, rhs += sum_n t_n x_n, over chosen rows x_n of a
/// factor matrix: the X^T X and X^T y of every ALS solve, where training spends most of its time.
///
/// The rows are gathered, scaled by sqrt(w_n) and rounded to single precision, into a contiguous
/// block padded to whole tiles (the right-hand side is summed in double precision from the
/// original rows during the same pass). Each 4 x 16 tile of the lower triangle is then summed over
/// the block in eight Vector256&lt;float&gt; registers with fused multiply-adds and added once into
/// the double-precision matrix. Single precision doubles the numbers per instruction and halves
/// the bytes per row; each block holds at most <see cref="BlockRows"/> rows, so a product is summed
/// in single precision over at most that many terms before it is carried in double precision,
/// which keeps the relative error near 1e-6 (the Cholesky that follows runs in double).
/// Blocks of about 32 KB keep the gathered rows in the first-level data cache, which every tile
/// pass reads again. Long rows (thousands of ratings) are just many blocks: a blocked rank-k update.
/// Only the lower triangle (column &lt;= row) is guaranteed; see <see cref="VectorMath.MirrorLowerTriangle"/>.
/// The result does not depend on the thread or on other rows, so training stays independent of
/// the thread count. <see cref="GramPrecision.Double"/> does the same in double precision with
/// 4 x 8 tiles, for callers that must match a reference to more digits. One instance per thread.
/// </summary>
public sealed class GramAccumulator(GramPrecision precision = GramPrecision.Double)
{
    private const int BlockBytes = 32 * 1024;
    private const int TileRows = 4;
    private const int MaxBlockRows = 128;

    private readonly int _tileColumns = precision == GramPrecision.Single ? 16 : 8; // two Vector256 of either
    private float[] _block = [];
    private double[] _doubleBlock = [];

    public GramPrecision Precision => precision;

    /// <summary>gram += sum_n w_n x_n x_n^T (all weights 1 when <paramref name="weights"/> is empty).</summary>
    public void Add(FactorRows factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights, Span<double> gram) =>
        Add(factors, rows, weights, ReadOnlySpan<double>.Empty, gram, Span<double>.Empty);

    /// <summary>
    /// gram += sum_n w_n x_n x_n^T and rhs += sum_n t_n x_n in one pass over the rows
    /// (empty <paramref name="weights"/>: all 1; empty <paramref name="coefficients"/>: no right-hand side).
    /// </summary>
    public void Add(FactorRows factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> coefficients, Span<double> gram, Span<double> rhs)
    {
        int k = factors.Rank;
        if (gram.Length != k * k) throw new ArgumentException("gram must be rank x rank");
        if (!weights.IsEmpty && weights.Length != rows.Length) throw new ArgumentException("one weight per row");
        if (!coefficients.IsEmpty && (coefficients.Length != rows.Length || rhs.Length != k))
            throw new ArgumentException("one coefficient per row and a right-hand side of the rank");
        int padded = Math.Max((k + _tileColumns - 1) / _tileColumns * _tileColumns, _tileColumns);
        int elementBytes = precision == GramPrecision.Single ? sizeof(float) : sizeof(double);
        int blockRows = Math.Clamp(BlockBytes / (padded * elementBytes), 8, MaxBlockRows);
        if (precision == GramPrecision.Single && _block.Length < blockRows * padded) _block = new float[blockRows * padded];
        if (precision == GramPrecision.Double && _doubleBlock.Length < blockRows * padded) _doubleBlock = new double[blockRows * padded];

        for (int start = 0; start < rows.Length; start += blockRows)
        {
            int count = Math.Min(blockRows, rows.Length - start);
            var blockCoefficients = coefficients.IsEmpty ? coefficients : coefficients.Slice(start, count);
            // Unweighted single-precision rows are the gathered block itself: X^T y is summed from it
            // in cache; otherwise from the original rows as they are gathered.
            bool rhsFromBlock = precision == GramPrecision.Single && weights.IsEmpty && !coefficients.IsEmpty;
            Gather(factors, rows.Slice(start, count), weights.IsEmpty ? weights : weights.Slice(start, count),
                rhsFromBlock ? ReadOnlySpan<double>.Empty : blockCoefficients, rhs, padded);
            if (rhsFromBlock) AddBlockRightHandSide(count, padded, k, blockCoefficients, rhs);
            if (precision == GramPrecision.Single) AddBlock(count, padded, k, gram);
            else AddDoubleBlock(count, padded, k, gram);
        }
    }

    private void Gather(FactorRows factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> coefficients, Span<double> rhs, int padded)
    {
        int k = factors.Rank;
        for (int n = 0; n < rows.Length; n++)
        {
            if (!coefficients.IsEmpty) VectorMath.AddScaled(rhs, coefficients[n], factors.Double.Row(rows[n]));
            // sum w x x^T = sum (sqrt(w) x)(sqrt(w) x)^T; confidences are never negative.
            double scale = weights.IsEmpty ? 1 : Math.Sqrt(weights[n]);
            if (precision == GramPrecision.Single)
            {
                var target = _block.AsSpan(n * padded, padded);
                factors.CopyToSingle(rows[n], target);
                if (scale != 1) ScaleInPlace(target[..k], (float)scale);
                target[k..].Clear();
            }
            else
            {
                var source = factors.Double.Row(rows[n]);
                var target = _doubleBlock.AsSpan(n * padded, padded);
                for (int c = 0; c < k; c++) target[c] = scale * source[c];
                target[k..].Clear();
            }
        }
    }

    private static void ScaleInPlace(Span<float> values, float scale)
    {
        for (int c = 0; c < values.Length; c++) values[c] *= scale;
    }

    /// <summary>
    /// rhs += sum_n t_n x_n over the gathered single-precision block, summed in single precision
    /// over the block's at most <see cref="MaxBlockRows"/> rows and then carried in double, as the
    /// Gram's tiles are.
    /// </summary>
    private void AddBlockRightHandSide(int count, int padded, int k, ReadOnlySpan<double> coefficients, Span<double> rhs)
    {
        Span<float> sum = stackalloc float[padded];
        sum.Clear();
        ref float block = ref MemoryMarshal.GetArrayDataReference(_block);
        ref float total = ref MemoryMarshal.GetReference(sum);
        for (int n = 0; n < count; n++)
        {
            ref float row = ref Unsafe.Add(ref block, n * padded);
            var t = Vector256.Create((float)coefficients[n]);
            for (int c = 0; c < padded; c += 8)
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)c), t, Vector256.LoadUnsafe(ref total, (nuint)c))
                    .StoreUnsafe(ref total, (nuint)c);
        }
        for (int c = 0; c < k; c++) rhs[c] += sum[c];
    }

    /// <summary>
    /// gram += X X^T (lower triangle, n x n for the n rows gathered in <paramref name="x"/>): the
    /// Gram matrix of the dual form of a ridge solve. The rows are transposed into the block, so
    /// that each of the k columns is one "row" of the tile pass, and summed like X^T X is.
    /// </summary>
    public void AddRowProducts(GatheredRows x, Span<double> gram)
    {
        if (precision != GramPrecision.Single) throw new InvalidOperationException("row products are summed in single precision");
        int n = x.Count, k = x.Rank;
        if (gram.Length != n * n) throw new ArgumentException("gram must be n x n for n gathered rows");
        if (n == 0) return;
        int padded = (n + _tileColumns - 1) / _tileColumns * _tileColumns;
        int blockRows = Math.Clamp(BlockBytes / (padded * sizeof(float)), 8, MaxBlockRows);
        if (_block.Length < blockRows * padded) _block = new float[blockRows * padded];
        for (int start = 0; start < k; start += blockRows)
        {
            int count = Math.Min(blockRows, k - start);
            Array.Clear(_block, 0, count * padded);
            for (int a = 0; a < n; a++)
            {
                var row = x.Row(a);
                for (int c = 0; c < count; c++) _block[c * padded + a] = row[start + c];
            }
            AddBlock(count, padded, n, gram);
        }
    }

    /// <summary>The single-precision tile pass: 4 x 16 tiles in eight Vector256&lt;float&gt; accumulators.</summary>
    private void AddBlock(int count, int padded, int k, Span<double> gram)
    {
        ref float block = ref MemoryMarshal.GetArrayDataReference(_block);
        for (int a0 = 0; a0 < k; a0 += TileRows)
        {
            // Tiles whose first column lies past the tile's last row are wholly upper: skipped.
            int lastRow = Math.Min(a0 + TileRows, k) - 1;
            for (int b0 = 0; b0 <= lastRow; b0 += 16)
            {
                Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
                Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
                ref float row = ref block;
                for (int n = 0; n < count; n++, row = ref Unsafe.Add(ref row, padded))
                {
                    var x0 = Vector256.LoadUnsafe(ref row, (nuint)b0);
                    var x1 = Vector256.LoadUnsafe(ref row, (nuint)(b0 + 8));
                    var s = Vector256.Create(Unsafe.Add(ref row, a0));
                    c00 = Vector256.FusedMultiplyAdd(s, x0, c00);
                    c01 = Vector256.FusedMultiplyAdd(s, x1, c01);
                    s = Vector256.Create(Unsafe.Add(ref row, a0 + 1));
                    c10 = Vector256.FusedMultiplyAdd(s, x0, c10);
                    c11 = Vector256.FusedMultiplyAdd(s, x1, c11);
                    s = Vector256.Create(Unsafe.Add(ref row, a0 + 2));
                    c20 = Vector256.FusedMultiplyAdd(s, x0, c20);
                    c21 = Vector256.FusedMultiplyAdd(s, x1, c21);
                    s = Vector256.Create(Unsafe.Add(ref row, a0 + 3));
                    c30 = Vector256.FusedMultiplyAdd(s, x0, c30);
                    c31 = Vector256.FusedMultiplyAdd(s, x1, c31);
                }
                AddTileRow(gram, k, a0, b0, c00, c01);
                AddTileRow(gram, k, a0 + 1, b0, c10, c11);
                AddTileRow(gram, k, a0 + 2, b0, c20, c21);
                AddTileRow(gram, k, a0 + 3, b0, c30, c31);
            }
        }
    }

    /// <summary>Adds one tile row into the double-precision matrix, dropping what falls outside it (padding).</summary>
    private static void AddTileRow(Span<double> gram, int k, int row, int column, Vector256<float> first, Vector256<float> second)
    {
        if (row >= k) return;
        // Columns past the row are upper triangle (not guaranteed): only the lower part is added.
        int end = Math.Min(column + 16, row + 1);
        Span<float> values = stackalloc float[16];
        first.CopyTo(values);
        second.CopyTo(values[8..]);
        var target = gram.Slice(row * k);
        for (int c = column; c < end; c++) target[c] += values[c - column];
    }

    /// <summary>
    /// The double-precision tile pass (for callers whose tests need exact sums): 4 x 8 tiles in
    /// eight Vector256&lt;double&gt; accumulators.
    /// </summary>
    private void AddDoubleBlock(int count, int padded, int k, Span<double> gram)
    {
        ref double block = ref MemoryMarshal.GetArrayDataReference(_doubleBlock);
        for (int a0 = 0; a0 < k; a0 += TileRows)
        {
            int lastRow = Math.Min(a0 + TileRows, k) - 1;
            for (int b0 = 0; b0 <= lastRow; b0 += 8)
            {
                Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
                Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
                ref double row = ref block;
                for (int n = 0; n < count; n++, row = ref Unsafe.Add(ref row, padded))
                {
                    var x0 = Vector256.LoadUnsafe(ref row, (nuint)b0);
                    var x1 = Vector256.LoadUnsafe(ref row, (nuint)(b0 + 4));
                    var s = Vector256.Create(Unsafe.Add(ref row, a0));
                    c00 = Vector256.FusedMultiplyAdd(s, x0, c00);
                    c01 = Vector256.FusedMultiplyAdd(s, x1, c01);
                    s = Vector256.Create(Unsafe.Add(ref row, a0 + 1));
                    c10 = Vector256.FusedMultiplyAdd(s, x0, c10);
                    c11 = Vector256.FusedMultiplyAdd(s, x1, c11);
                    s = Vector256.Create(Unsafe.Add(ref row, a0 + 2));
                    c20 = Vector256.FusedMultiplyAdd(s, x0, c20);
                    c21 = Vector256.FusedMultiplyAdd(s, x1, c21);
                    s = Vector256.Create(Unsafe.Add(ref row, a0 + 3));
                    c30 = Vector256.FusedMultiplyAdd(s, x0, c30);
                    c31 = Vector256.FusedMultiplyAdd(s, x1, c31);
                }
                AddDoubleTileRow(gram, k, a0, b0, c00, c01);
                AddDoubleTileRow(gram, k, a0 + 1, b0, c10, c11);
                AddDoubleTileRow(gram, k, a0 + 2, b0, c20, c21);
                AddDoubleTileRow(gram, k, a0 + 3, b0, c30, c31);
            }
        }
    }

    private static void AddDoubleTileRow(Span<double> gram, int k, int row, int column, Vector256<double> first, Vector256<double> second)
    {
        if (row >= k) return;
        int end = Math.Min(column + 8, row + 1);
        Span<double> values = stackalloc double[8];
        first.CopyTo(values);
        second.CopyTo(values[4..]);
        var target = gram.Slice(row * k);
        for (int c = column; c < end; c++) target[c] += values[c - column];
    }
}

/// <summary>
/// How <see cref="GramAccumulator"/> forms its products: Single for training's solves (twice the
/// speed, about 1e-7 relative error), Double where a caller must match a reference to more digits.
/// </summary>
public enum GramPrecision { Double, Single }
