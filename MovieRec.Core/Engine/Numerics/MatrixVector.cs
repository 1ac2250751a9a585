using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// target = M^T v for a square row-major matrix M of doubles (for a symmetric M, such as the
/// Gram Y^T Y of implicit ALS, that is M v): the product every conjugate-gradient step of the
/// ranking model's rows takes with the shared Gram.
///
/// Written as a sum of rows, target = sum_c v[c] M[c, :], so that a block of up to twelve
/// Vector256&lt;double&gt; of the target stays in registers while the rows stream past: each
/// element of M is loaded once and feeds one fused multiply-add, and the twelve sums are
/// independent. A dot product per target element (what the row solver did before) chains its
/// multiply-adds into one register and waits on each, at about a sixth of the rate.
/// Every element is summed over c in order, whatever the order or the block it falls in.
/// </summary>
public static class MatrixVector
{
    private const int Width = 4; // doubles per Vector256

    /// <summary>target[b] = sum_c v[c] matrix[c * order + b] for b &lt; order (order = v.Length).</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> matrix, ReadOnlySpan<double> v, Span<double> target)
    {
        int order = v.Length;
        if (matrix.Length < (long)order * order || target.Length != order)
            throw new ArgumentException("the matrix must be order x order and the target order long, order = v.Length");
        ref double m = ref MemoryMarshal.GetReference(matrix);
        ref double x = ref MemoryMarshal.GetReference(v);
        ref double t = ref MemoryMarshal.GetReference(target);
        int b = 0;
        for (; b + 12 * Width <= order; b += 12 * Width) Columns12(ref m, ref x, ref t, order, b);
        for (; b + 4 * Width <= order; b += 4 * Width) Columns4(ref m, ref x, ref t, order, b);
        for (; b + Width <= order; b += Width) Columns1(ref m, ref x, ref t, order, b);
        for (; b < order; b++)
        {
            double sum = 0;
            for (int c = 0; c < order; c++) sum = Math.FusedMultiplyAdd(Unsafe.Add(ref x, c), Unsafe.Add(ref m, c * order + b), sum);
            Unsafe.Add(ref t, b) = sum;
        }
    }

    private static void Columns12(ref double m, ref double x, ref double t, int order, int b)
    {
        Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default;
        Vector256<double> s6 = default, s7 = default, s8 = default, s9 = default, s10 = default, s11 = default;
        ref double row = ref Unsafe.Add(ref m, b);
        for (int c = 0; c < order; c++)
        {
            var xc = Vector256.Create(Unsafe.Add(ref x, c));
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 0), xc, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 4), xc, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 8), xc, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 12), xc, s3);
            s4 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 16), xc, s4);
            s5 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 20), xc, s5);
            s6 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 24), xc, s6);
            s7 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 28), xc, s7);
            s8 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 32), xc, s8);
            s9 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 36), xc, s9);
            s10 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 40), xc, s10);
            s11 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 44), xc, s11);
            row = ref Unsafe.Add(ref row, order);
        }
        ref double target = ref Unsafe.Add(ref t, b);
        s0.StoreUnsafe(ref target, 0); s1.StoreUnsafe(ref target, 4); s2.StoreUnsafe(ref target, 8);
        s3.StoreUnsafe(ref target, 12); s4.StoreUnsafe(ref target, 16); s5.StoreUnsafe(ref target, 20);
        s6.StoreUnsafe(ref target, 24); s7.StoreUnsafe(ref target, 28); s8.StoreUnsafe(ref target, 32);
        s9.StoreUnsafe(ref target, 36); s10.StoreUnsafe(ref target, 40); s11.StoreUnsafe(ref target, 44);
    }

    private static void Columns4(ref double m, ref double x, ref double t, int order, int b)
    {
        Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
        ref double row = ref Unsafe.Add(ref m, b);
        for (int c = 0; c < order; c++)
        {
            var xc = Vector256.Create(Unsafe.Add(ref x, c));
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 0), xc, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 4), xc, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 8), xc, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 12), xc, s3);
            row = ref Unsafe.Add(ref row, order);
        }
        ref double target = ref Unsafe.Add(ref t, b);
        s0.StoreUnsafe(ref target, 0); s1.StoreUnsafe(ref target, 4); s2.StoreUnsafe(ref target, 8); s3.StoreUnsafe(ref target, 12);
    }

    private static void Columns1(ref double m, ref double x, ref double t, int order, int b)
    {
        Vector256<double> s0 = default;
        ref double row = ref Unsafe.Add(ref m, b);
        for (int c = 0; c < order; c++)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 0), Vector256.Create(Unsafe.Add(ref x, c)), s0);
            row = ref Unsafe.Add(ref row, order);
        }
        s0.StoreUnsafe(ref Unsafe.Add(ref t, b), 0);
    }
}
