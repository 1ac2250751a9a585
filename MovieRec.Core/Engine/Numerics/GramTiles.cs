using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// The register-tiled passes of <see cref="GramAccumulator"/>: gram (lower triangle) += sign *
/// X^T X for a gathered block X of <c>count</c> rows, each <c>padded</c> numbers long (whole
/// tiles, zero past the rank), row-major.
///
/// Single precision: 6 x 16 tiles (twelve Vector256&lt;float&gt; accumulators: per row of the
/// block two loads and six broadcasts feed twelve fused multiply-adds), then 4 x 16 or 2 x 16 for
/// the rows a 6-row group would run past the padding. Double precision: 4 x 8 tiles.
/// Each tile is summed by a method without calls, so that the JIT keeps every accumulator in a
/// register (a call in the loop's method made it store six of the eight to the stack on every
/// row: a third of the speed), and added into the double-precision matrix afterwards, four
/// vectors at a time where the tile lies wholly in the lower triangle.
/// </summary>
internal static class GramTiles
{
    public const int SingleColumns = 16;
    public const int DoubleColumns = 8;

    /// <summary>Single-precision block: gram[a, b] += sign * sum_n x[n, a] x[n, b] for b &lt;= a &lt; k.</summary>
    public static void AddSingle(ReadOnlySpan<float> block, int count, int padded, int k, Span<double> gram, float sign)
    {
        if (count == 0) return;
        ref float x = ref MemoryMarshal.GetReference(block);
        Span<float> tile = stackalloc float[6 * SingleColumns];
        ref float sums = ref MemoryMarshal.GetReference(tile);
        for (int a0 = 0; a0 < k;)
        {
            // The broadcasts read columns a0 .. a0 + rows - 1, which must lie inside the padding.
            int rows = a0 + 6 <= padded ? 6 : a0 + 4 <= padded ? 4 : 2;
            int lastRow = Math.Min(a0 + rows, k) - 1;
            for (int b0 = 0; b0 <= lastRow; b0 += SingleColumns)
            {
                if (rows == 6) SumSingle6(ref x, count, padded, a0, b0, ref sums);
                else if (rows == 4) SumSingle4(ref x, count, padded, a0, b0, ref sums);
                else SumSingle2(ref x, count, padded, a0, b0, ref sums);
                for (int r = 0; r < rows && a0 + r < k; r++)
                    AddSingleRow(gram, k, a0 + r, b0, tile.Slice(r * SingleColumns, SingleColumns), sign);
            }
            a0 += rows;
        }
    }

    /// <summary>Double-precision block: as <see cref="AddSingle"/>, with 4 x 8 tiles (<paramref name="padded"/> a multiple of 8).</summary>
    public static void AddDouble(ReadOnlySpan<double> block, int count, int padded, int k, Span<double> gram, double sign)
    {
        if (count == 0) return;
        ref double x = ref MemoryMarshal.GetReference(block);
        Span<double> tile = stackalloc double[4 * DoubleColumns];
        ref double sums = ref MemoryMarshal.GetReference(tile);
        for (int a0 = 0; a0 < k; a0 += 4)
        {
            int lastRow = Math.Min(a0 + 4, k) - 1;
            for (int b0 = 0; b0 <= lastRow; b0 += DoubleColumns)
            {
                SumDouble4(ref x, count, padded, a0, b0, ref sums);
                for (int r = 0; r < 4 && a0 + r < k; r++)
                    AddDoubleRow(gram, k, a0 + r, b0, tile.Slice(r * DoubleColumns, DoubleColumns), sign);
            }
        }
    }

    private static void SumSingle6(ref float block, int count, int padded, int a0, int b0, ref float sums)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        ref float x = ref Unsafe.Add(ref block, b0);
        ref float s = ref Unsafe.Add(ref block, a0);
        for (int n = 0; n < count; n++)
        {
            var x0 = Vector256.LoadUnsafe(ref x);
            var x1 = Vector256.LoadUnsafe(ref x, 8);
            var b = Vector256.Create(s);
            c00 = Vector256.FusedMultiplyAdd(b, x0, c00);
            c01 = Vector256.FusedMultiplyAdd(b, x1, c01);
            b = Vector256.Create(Unsafe.Add(ref s, 1));
            c10 = Vector256.FusedMultiplyAdd(b, x0, c10);
            c11 = Vector256.FusedMultiplyAdd(b, x1, c11);
            b = Vector256.Create(Unsafe.Add(ref s, 2));
            c20 = Vector256.FusedMultiplyAdd(b, x0, c20);
            c21 = Vector256.FusedMultiplyAdd(b, x1, c21);
            b = Vector256.Create(Unsafe.Add(ref s, 3));
            c30 = Vector256.FusedMultiplyAdd(b, x0, c30);
            c31 = Vector256.FusedMultiplyAdd(b, x1, c31);
            b = Vector256.Create(Unsafe.Add(ref s, 4));
            c40 = Vector256.FusedMultiplyAdd(b, x0, c40);
            c41 = Vector256.FusedMultiplyAdd(b, x1, c41);
            b = Vector256.Create(Unsafe.Add(ref s, 5));
            c50 = Vector256.FusedMultiplyAdd(b, x0, c50);
            c51 = Vector256.FusedMultiplyAdd(b, x1, c51);
            x = ref Unsafe.Add(ref x, padded);
            s = ref Unsafe.Add(ref s, padded);
        }
        c00.StoreUnsafe(ref sums, 0); c01.StoreUnsafe(ref sums, 8);
        c10.StoreUnsafe(ref sums, 16); c11.StoreUnsafe(ref sums, 24);
        c20.StoreUnsafe(ref sums, 32); c21.StoreUnsafe(ref sums, 40);
        c30.StoreUnsafe(ref sums, 48); c31.StoreUnsafe(ref sums, 56);
        c40.StoreUnsafe(ref sums, 64); c41.StoreUnsafe(ref sums, 72);
        c50.StoreUnsafe(ref sums, 80); c51.StoreUnsafe(ref sums, 88);
    }

    private static void SumSingle4(ref float block, int count, int padded, int a0, int b0, ref float sums)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        ref float x = ref Unsafe.Add(ref block, b0);
        ref float s = ref Unsafe.Add(ref block, a0);
        for (int n = 0; n < count; n++)
        {
            var x0 = Vector256.LoadUnsafe(ref x);
            var x1 = Vector256.LoadUnsafe(ref x, 8);
            var b = Vector256.Create(s);
            c00 = Vector256.FusedMultiplyAdd(b, x0, c00);
            c01 = Vector256.FusedMultiplyAdd(b, x1, c01);
            b = Vector256.Create(Unsafe.Add(ref s, 1));
            c10 = Vector256.FusedMultiplyAdd(b, x0, c10);
            c11 = Vector256.FusedMultiplyAdd(b, x1, c11);
            b = Vector256.Create(Unsafe.Add(ref s, 2));
            c20 = Vector256.FusedMultiplyAdd(b, x0, c20);
            c21 = Vector256.FusedMultiplyAdd(b, x1, c21);
            b = Vector256.Create(Unsafe.Add(ref s, 3));
            c30 = Vector256.FusedMultiplyAdd(b, x0, c30);
            c31 = Vector256.FusedMultiplyAdd(b, x1, c31);
            x = ref Unsafe.Add(ref x, padded);
            s = ref Unsafe.Add(ref s, padded);
        }
        c00.StoreUnsafe(ref sums, 0); c01.StoreUnsafe(ref sums, 8);
        c10.StoreUnsafe(ref sums, 16); c11.StoreUnsafe(ref sums, 24);
        c20.StoreUnsafe(ref sums, 32); c21.StoreUnsafe(ref sums, 40);
        c30.StoreUnsafe(ref sums, 48); c31.StoreUnsafe(ref sums, 56);
    }

    private static void SumSingle2(ref float block, int count, int padded, int a0, int b0, ref float sums)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        ref float x = ref Unsafe.Add(ref block, b0);
        ref float s = ref Unsafe.Add(ref block, a0);
        for (int n = 0; n < count; n++)
        {
            var x0 = Vector256.LoadUnsafe(ref x);
            var x1 = Vector256.LoadUnsafe(ref x, 8);
            var b = Vector256.Create(s);
            c00 = Vector256.FusedMultiplyAdd(b, x0, c00);
            c01 = Vector256.FusedMultiplyAdd(b, x1, c01);
            b = Vector256.Create(Unsafe.Add(ref s, 1));
            c10 = Vector256.FusedMultiplyAdd(b, x0, c10);
            c11 = Vector256.FusedMultiplyAdd(b, x1, c11);
            x = ref Unsafe.Add(ref x, padded);
            s = ref Unsafe.Add(ref s, padded);
        }
        c00.StoreUnsafe(ref sums, 0); c01.StoreUnsafe(ref sums, 8);
        c10.StoreUnsafe(ref sums, 16); c11.StoreUnsafe(ref sums, 24);
    }

    private static void SumDouble4(ref double block, int count, int padded, int a0, int b0, ref double sums)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        ref double x = ref Unsafe.Add(ref block, b0);
        ref double s = ref Unsafe.Add(ref block, a0);
        for (int n = 0; n < count; n++)
        {
            var x0 = Vector256.LoadUnsafe(ref x);
            var x1 = Vector256.LoadUnsafe(ref x, 4);
            var b = Vector256.Create(s);
            c00 = Vector256.FusedMultiplyAdd(b, x0, c00);
            c01 = Vector256.FusedMultiplyAdd(b, x1, c01);
            b = Vector256.Create(Unsafe.Add(ref s, 1));
            c10 = Vector256.FusedMultiplyAdd(b, x0, c10);
            c11 = Vector256.FusedMultiplyAdd(b, x1, c11);
            b = Vector256.Create(Unsafe.Add(ref s, 2));
            c20 = Vector256.FusedMultiplyAdd(b, x0, c20);
            c21 = Vector256.FusedMultiplyAdd(b, x1, c21);
            b = Vector256.Create(Unsafe.Add(ref s, 3));
            c30 = Vector256.FusedMultiplyAdd(b, x0, c30);
            c31 = Vector256.FusedMultiplyAdd(b, x1, c31);
            x = ref Unsafe.Add(ref x, padded);
            s = ref Unsafe.Add(ref s, padded);
        }
        c00.StoreUnsafe(ref sums, 0); c01.StoreUnsafe(ref sums, 4);
        c10.StoreUnsafe(ref sums, 8); c11.StoreUnsafe(ref sums, 12);
        c20.StoreUnsafe(ref sums, 16); c21.StoreUnsafe(ref sums, 20);
        c30.StoreUnsafe(ref sums, 24); c31.StoreUnsafe(ref sums, 28);
    }

    /// <summary>Adds one tile row (16 sums) into row <paramref name="row"/> of the matrix, dropping what lies past the diagonal.</summary>
    private static void AddSingleRow(Span<double> gram, int k, int row, int column, ReadOnlySpan<float> values, float sign)
    {
        var target = gram.Slice(row * k);
        ref float v = ref MemoryMarshal.GetReference(values);
        if (column + SingleColumns <= row + 1)
        {
            // Wholly in the lower triangle (so inside the matrix): four vector adds.
            ref double t = ref Unsafe.Add(ref MemoryMarshal.GetReference(target), column);
            var scale = Vector256.Create(sign);
            AddWidened(ref t, Vector256.LoadUnsafe(ref v) * scale);
            AddWidened(ref Unsafe.Add(ref t, 8), Vector256.LoadUnsafe(ref v, 8) * scale);
            return;
        }
        // Columns past the row are upper triangle (not guaranteed): only the lower part is added.
        int end = Math.Min(column + SingleColumns, row + 1);
        for (int c = column; c < end; c++) target[c] += sign * Unsafe.Add(ref v, c - column);
    }

    /// <summary>target[0..8) += the eight floats of <paramref name="values"/>, widened to double.</summary>
    private static void AddWidened(ref double target, Vector256<float> values)
    {
        var (low, high) = Vector256.Widen(values);
        (Vector256.LoadUnsafe(ref target) + low).StoreUnsafe(ref target);
        (Vector256.LoadUnsafe(ref target, 4) + high).StoreUnsafe(ref target, 4);
    }

    private static void AddDoubleRow(Span<double> gram, int k, int row, int column, ReadOnlySpan<double> values, double sign)
    {
        var target = gram.Slice(row * k);
        int end = Math.Min(column + DoubleColumns, row + 1);
        for (int c = column; c < end; c++) target[c] += sign * values[c - column];
    }
}
