using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// gram += sum_n w_n x_n x_n^T and, when asked, rhs += sum_n t_n x_n, over chosen rows x_n of a
/// factor matrix: the X^T X and X^T y of every ALS solve, where training spends most of its time.
///
/// The rows are gathered, scaled by sqrt(w_n) and rounded to single precision, into a contiguous
/// block padded to whole tiles (the right-hand side is summed from the same block, or in double
/// precision from the original rows when weighted). Each tile of the lower triangle is then summed
/// over the block in registers with fused multiply-adds and added once into the double-precision
/// matrix (<see cref="GramTiles"/>). Single precision doubles the numbers per instruction and halves
/// the bytes per row; each block holds at most <see cref="BlockRows"/> rows, so a product is summed
/// in single precision over at most that many terms before it is carried in double precision,
/// which keeps the relative error near 1e-6 (the Cholesky that follows runs in double).
/// Blocks of about 32 KB keep the gathered rows in the first-level data cache, which every tile
/// pass reads again. Long rows (thousands of ratings) are just many blocks: a blocked rank-k update.
/// Only the lower triangle (column &lt;= row) is guaranteed; see <see cref="VectorMath.MirrorLowerTriangle"/>.
/// The result does not depend on the thread or on other rows, so training stays independent of
/// the thread count. <see cref="GramPrecision.Double"/> does the same in double precision, for
/// callers that must match a reference to more digits. One instance per thread.
/// </summary>
public sealed class GramAccumulator(GramPrecision precision = GramPrecision.Double)
{
    private const int BlockBytes = 32 * 1024;
    private const int MaxBlockRows = 128;

    private readonly int _tileColumns = precision == GramPrecision.Single ? GramTiles.SingleColumns : GramTiles.DoubleColumns;
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
        if (gram.Length != factors.Rank * factors.Rank) throw new ArgumentException("gram must be rank x rank");
        Accumulate(factors, rows, weights, coefficients, gram, rhs, sign: 1);
    }

    /// <summary>
    /// gram -= sum_n x_n x_n^T: what a long row's X^T X is had from when the Gram of every row of
    /// the matrix is known and the row lacks only a few (<see cref="FactorGram"/>, <see cref="RidgeSolver"/>).
    /// </summary>
    public void Subtract(FactorRows factors, ReadOnlySpan<int> rows, Span<double> gram)
    {
        if (gram.Length != factors.Rank * factors.Rank) throw new ArgumentException("gram must be rank x rank");
        Accumulate(factors, rows, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, gram, Span<double>.Empty, sign: -1);
    }

    /// <summary>
    /// rhs += sum_n t_n x_n alone, summed exactly as <see cref="Add"/> sums it (so the two give
    /// the same right-hand side to the bit).
    /// </summary>
    public void AddRightHandSide(FactorRows factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> coefficients, Span<double> rhs) =>
        Accumulate(factors, rows, ReadOnlySpan<double>.Empty, coefficients, Span<double>.Empty, rhs, sign: 0);

    /// <summary>The blocked pass behind the three: sign +1 adds the Gram, -1 subtracts it, 0 skips it.</summary>
    private void Accumulate(FactorRows factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> coefficients, Span<double> gram, Span<double> rhs, float sign)
    {
        int k = factors.Rank;
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
            if (sign == 0) continue;
            if (precision == GramPrecision.Single) GramTiles.AddSingle(_block.AsSpan(0, count * padded), count, padded, k, gram, sign);
            else GramTiles.AddDouble(_doubleBlock.AsSpan(0, count * padded), count, padded, k, gram, sign);
        }
    }

    private void Gather(FactorRows factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> coefficients, Span<double> rhs, int padded)
    {
        int k = factors.Rank;
        if (!coefficients.IsEmpty)
            for (int n = 0; n < rows.Length; n++) VectorMath.AddScaled(rhs, coefficients[n], factors.Double.Row(rows[n]));
        if (precision == GramPrecision.Single)
        {
            factors.Gather(rows, _block, padded);
            // sum w x x^T = sum (sqrt(w) x)(sqrt(w) x)^T; confidences are never negative.
            if (!weights.IsEmpty)
                for (int n = 0; n < rows.Length; n++) ScaleInPlace(_block.AsSpan(n * padded, k), (float)Math.Sqrt(weights[n]));
            return;
        }
        for (int n = 0; n < rows.Length; n++)
        {
            double scale = weights.IsEmpty ? 1 : Math.Sqrt(weights[n]);
            var source = factors.Double.Row(rows[n]);
            var target = _doubleBlock.AsSpan(n * padded, padded);
            for (int c = 0; c < k; c++) target[c] = scale * source[c];
            target[k..].Clear();
        }
    }

    private static void ScaleInPlace(Span<float> values, float scale)
    {
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float v = ref MemoryMarshal.GetReference(values);
            var s = Vector256.Create(scale);
            for (; c + 8 <= values.Length; c += 8) (Vector256.LoadUnsafe(ref v, (nuint)c) * s).StoreUnsafe(ref v, (nuint)c);
        }
        for (; c < values.Length; c++) values[c] *= scale;
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
        ref float block = ref MemoryMarshal.GetArrayDataReference(_block);
        for (int start = 0; start < k; start += blockRows)
        {
            int count = Math.Min(blockRows, k - start);
            // Block row c holds column start + c of every gathered row; the padding past n stays 0.
            for (int c = 0; c < count; c++) _block.AsSpan(c * padded + n, padded - n).Clear();
            for (int a = 0; a < n; a++)
            {
                ref float row = ref MemoryMarshal.GetReference(x.Row(a));
                ref float column = ref Unsafe.Add(ref block, a);
                for (int c = 0; c < count; c++) Unsafe.Add(ref column, c * padded) = Unsafe.Add(ref row, start + c);
            }
            GramTiles.AddSingle(_block.AsSpan(0, count * padded), count, padded, n, gram, sign: 1);
        }
    }
}

/// <summary>
/// How <see cref="GramAccumulator"/> forms its products: Single for training's solves (twice the
/// speed, about 1e-7 relative error), Double where a caller must match a reference to more digits.
/// </summary>
public enum GramPrecision { Double, Single }
