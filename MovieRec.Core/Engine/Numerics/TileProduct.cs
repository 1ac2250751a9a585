using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// The register tile of a dense matrix product: a 6 x 8 block of C gets
///   C[i0 + r, j0 + s] += (or -=) sum_p left[p, i0 + r] right[p, j0 + s]
/// with both operands stored "depth-major" (row p holds every column's p-th term), so each step p
/// broadcasts six numbers of the left row, loads eight of the right and makes twelve Vector256
/// multiply-adds into registers; C is read and written once per tile. The caller packs the
/// operands and walks the tiles (<see cref="SymmetricInverse"/>).
/// </summary>
internal static class TileProduct
{
    public const int Rows = 6;
    public const int Columns = 8;

    /// <param name="c">C, row-major with <paramref name="cStride"/> numbers a row; the tile must lie inside it.</param>
    /// <param name="left">depth x (at least i0 + 6) numbers, row p at p * <paramref name="stride"/>.</param>
    /// <param name="right">depth x (at least j0 + 8) numbers, row p at p * <paramref name="stride"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(double[] c, int cStride, int i0, int j0, double[] left, double[] right, int stride, int depth, bool subtract)
    {
        if ((long)(i0 + Rows - 1) * cStride + j0 + Columns > c.Length
            || (long)(depth - 1) * stride + i0 + Rows > left.Length || (long)(depth - 1) * stride + j0 + Columns > right.Length)
            throw new ArgumentOutOfRangeException(nameof(depth), "the tile or its operands lie outside the arrays");
        ref double y = ref MemoryMarshal.GetArrayDataReference(left);
        ref double x = ref MemoryMarshal.GetArrayDataReference(right);
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < depth; p++)
        {
            ref double rowX = ref Unsafe.Add(ref x, p * stride + j0);
            ref double rowY = ref Unsafe.Add(ref y, p * stride + i0);
            var x0 = Vector256.LoadUnsafe(ref rowX);
            var x1 = Vector256.LoadUnsafe(ref rowX, 4);
            var s = Vector256.Create(rowY);
            c00 = Vector256.FusedMultiplyAdd(s, x0, c00); c01 = Vector256.FusedMultiplyAdd(s, x1, c01);
            s = Vector256.Create(Unsafe.Add(ref rowY, 1));
            c10 = Vector256.FusedMultiplyAdd(s, x0, c10); c11 = Vector256.FusedMultiplyAdd(s, x1, c11);
            s = Vector256.Create(Unsafe.Add(ref rowY, 2));
            c20 = Vector256.FusedMultiplyAdd(s, x0, c20); c21 = Vector256.FusedMultiplyAdd(s, x1, c21);
            s = Vector256.Create(Unsafe.Add(ref rowY, 3));
            c30 = Vector256.FusedMultiplyAdd(s, x0, c30); c31 = Vector256.FusedMultiplyAdd(s, x1, c31);
            s = Vector256.Create(Unsafe.Add(ref rowY, 4));
            c40 = Vector256.FusedMultiplyAdd(s, x0, c40); c41 = Vector256.FusedMultiplyAdd(s, x1, c41);
            s = Vector256.Create(Unsafe.Add(ref rowY, 5));
            c50 = Vector256.FusedMultiplyAdd(s, x0, c50); c51 = Vector256.FusedMultiplyAdd(s, x1, c51);
        }
        var sign = Vector256.Create(subtract ? -1.0 : 1.0);
        ref double tile = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c), i0 * cStride + j0);
        Add(ref tile, c00, c01, sign);
        Add(ref Unsafe.Add(ref tile, cStride), c10, c11, sign);
        Add(ref Unsafe.Add(ref tile, 2 * cStride), c20, c21, sign);
        Add(ref Unsafe.Add(ref tile, 3 * cStride), c30, c31, sign);
        Add(ref Unsafe.Add(ref tile, 4 * cStride), c40, c41, sign);
        Add(ref Unsafe.Add(ref tile, 5 * cStride), c50, c51, sign);
    }

    private static void Add(ref double row, Vector256<double> left, Vector256<double> right, Vector256<double> sign)
    {
        Vector256.FusedMultiplyAdd(left, sign, Vector256.LoadUnsafe(ref row)).StoreUnsafe(ref row);
        Vector256.FusedMultiplyAdd(right, sign, Vector256.LoadUnsafe(ref row, 4)).StoreUnsafe(ref row, 4);
    }
}
