using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// Chosen rows of a factor matrix copied once into a contiguous single-precision block X (n x k,
/// rows padded to whole Vector256&lt;float&gt;), with the products an iterative solve needs:
/// t = X v, r += X^T t, and both in one pass over the block (<see cref="MultiplyAndAddTransposed"/>:
/// a conjugate-gradient step reads each row once instead of twice). Four rows per pass, so that
/// the vector's loads are shared and the sums run in independent registers. Used by the
/// conjugate-gradient row solves and the dual form. One instance per thread.
/// </summary>
public sealed class GatheredRows
{
    private const int Width = 8; // floats per Vector256
    private float[] _block = [];
    private float[] _vector = [];
    private float[] _sum = [];

    public int Count { get; private set; }
    public int Rank { get; private set; }
    private int Padded => (Rank + Width - 1) / Width * Width;

    /// <summary>Copies the rows (rounded to single precision) into the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(FactorRows factors, ReadOnlySpan<int> rows)
    {
        Count = rows.Length;
        Rank = factors.Rank;
        int padded = Padded;
        long size = (long)Count * padded;
        if (_block.Length < size) _block = new float[Math.Max(size, 2L * _block.Length)];
        if (_vector.Length < padded)
        {
            _vector = new float[padded];
            _sum = new float[padded];
        }
        factors.Gather(rows, _block, padded);
    }

    /// <summary>Gathered row <paramref name="a"/> (its <see cref="Rank"/> numbers).</summary>
    public ReadOnlySpan<float> Row(int a) => _block.AsSpan(a * Padded, Rank);

    /// <summary>products[a] = x_a . v for every gathered row.</summary>
    public void Multiply(ReadOnlySpan<double> v, Span<double> products)
    {
        if (v.Length != Rank || products.Length != Count) throw new ArgumentException("v must have the rank's length, products one per row");
        int padded = Padded;
        for (int c = 0; c < Rank; c++) _vector[c] = (float)v[c];
        ref float x = ref MemoryMarshal.GetArrayDataReference(_block);
        ref float vr = ref MemoryMarshal.GetArrayDataReference(_vector);
        int a = 0;
        for (; a + 4 <= Count; a += 4)
        {
            ref float r0 = ref Unsafe.Add(ref x, a * padded);
            ref float r1 = ref Unsafe.Add(ref r0, padded);
            ref float r2 = ref Unsafe.Add(ref r1, padded);
            ref float r3 = ref Unsafe.Add(ref r2, padded);
            FourDots(ref r0, ref r1, ref r2, ref r3, ref vr, padded, products.Slice(a, 4));
        }
        for (; a < Count; a++)
        {
            products[a] = Dot(ref Unsafe.Add(ref x, a * padded), ref vr, padded);
        }
    }

    /// <summary>
    /// products[a] = x_a . v and result += sum_a t_a x_a with t_a = offsets[a] + slope_a products[a]
    /// (empty <paramref name="offsets"/>: 0; slope_a = <paramref name="slopes"/>[a], or
    /// <paramref name="slope"/> when that is empty), in one pass: each group of four rows is read
    /// for its products and, still in the first-level cache, added in. The same sums, in the same
    /// order, as <see cref="Multiply"/> followed by <see cref="AddTransposedProduct"/>.
    /// </summary>
    public void MultiplyAndAddTransposed(ReadOnlySpan<double> v, Span<double> products, ReadOnlySpan<double> offsets,
        ReadOnlySpan<double> slopes, double slope, Span<double> result)
    {
        if (v.Length != Rank || products.Length != Count || result.Length != Rank) throw new ArgumentException("v and result must have the rank's length, products one per row");
        if ((!offsets.IsEmpty && offsets.Length != Count) || (!slopes.IsEmpty && slopes.Length != Count)) throw new ArgumentException("one offset and one slope per row");
        int padded = Padded;
        for (int c = 0; c < Rank; c++) _vector[c] = (float)v[c];
        Array.Clear(_sum);
        ref float x = ref MemoryMarshal.GetArrayDataReference(_block);
        ref float vr = ref MemoryMarshal.GetArrayDataReference(_vector);
        ref float sum = ref MemoryMarshal.GetArrayDataReference(_sum);
        int a = 0;
        for (; a + 4 <= Count; a += 4)
        {
            ref float r0 = ref Unsafe.Add(ref x, a * padded);
            ref float r1 = ref Unsafe.Add(ref r0, padded);
            ref float r2 = ref Unsafe.Add(ref r1, padded);
            ref float r3 = ref Unsafe.Add(ref r2, padded);
            FourDots(ref r0, ref r1, ref r2, ref r3, ref vr, padded, products.Slice(a, 4));
            double p0 = products[a], p1 = products[a + 1], p2 = products[a + 2], p3 = products[a + 3];
            var t0 = Vector256.Create((float)Coefficient(offsets, slopes, slope, a, p0));
            var t1 = Vector256.Create((float)Coefficient(offsets, slopes, slope, a + 1, p1));
            var t2 = Vector256.Create((float)Coefficient(offsets, slopes, slope, a + 2, p2));
            var t3 = Vector256.Create((float)Coefficient(offsets, slopes, slope, a + 3, p3));
            for (int c = 0; c < padded; c += Width)
            {
                var acc = Vector256.LoadUnsafe(ref sum, (nuint)c);
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)c), t0, acc);
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, (nuint)c), t1, acc);
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, (nuint)c), t2, acc);
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, (nuint)c), t3, acc);
                acc.StoreUnsafe(ref sum, (nuint)c);
            }
        }
        for (; a < Count; a++)
        {
            ref float r0 = ref Unsafe.Add(ref x, a * padded);
            double p0 = products[a] = Dot(ref r0, ref vr, padded);
            var t0 = Vector256.Create((float)Coefficient(offsets, slopes, slope, a, p0));
            for (int c = 0; c < padded; c += Width)
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)c), t0, Vector256.LoadUnsafe(ref sum, (nuint)c)).StoreUnsafe(ref sum, (nuint)c);
        }
        for (int c = 0; c < Rank; c++) result[c] += _sum[c];
    }

    /// <summary>
    /// The products of four rows with the vector, sharing its loads. Each row's sum runs in two
    /// registers (even and odd vectors of the row): eight independent chains keep both
    /// multiply-add units busy, where four chains waited on the multiply-add's latency.
    /// </summary>
    private static void FourDots(ref float r0, ref float r1, ref float r2, ref float r3, ref float vr, int padded, Span<double> products)
    {
        Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
        Vector256<float> t0 = default, t1 = default, t2 = default, t3 = default;
        int c = 0;
        for (; c + 2 * Width <= padded; c += 2 * Width)
        {
            var vc = Vector256.LoadUnsafe(ref vr, (nuint)c);
            var vd = Vector256.LoadUnsafe(ref vr, (nuint)(c + Width));
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)c), vc, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, (nuint)c), vc, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, (nuint)c), vc, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, (nuint)c), vc, s3);
            t0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)(c + Width)), vd, t0);
            t1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, (nuint)(c + Width)), vd, t1);
            t2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, (nuint)(c + Width)), vd, t2);
            t3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, (nuint)(c + Width)), vd, t3);
        }
        if (c < padded)
        {
            var vc = Vector256.LoadUnsafe(ref vr, (nuint)c);
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)c), vc, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, (nuint)c), vc, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, (nuint)c), vc, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, (nuint)c), vc, s3);
        }
        products[0] = Vector256.Sum(s0 + t0);
        products[1] = Vector256.Sum(s1 + t1);
        products[2] = Vector256.Sum(s2 + t2);
        products[3] = Vector256.Sum(s3 + t3);
    }

    private static double Dot(ref float row, ref float vr, int padded)
    {
        Vector256<float> s0 = default;
        for (int c = 0; c < padded; c += Width)
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)c), Vector256.LoadUnsafe(ref vr, (nuint)c), s0);
        return Vector256.Sum(s0);
    }

    private static double Coefficient(ReadOnlySpan<double> offsets, ReadOnlySpan<double> slopes, double slope, int a, double product) =>
        (offsets.IsEmpty ? 0 : offsets[a]) + (slopes.IsEmpty ? slope : slopes[a]) * product;

    /// <summary>result += X^T t = sum_a t_a x_a.</summary>
    public void AddTransposedProduct(ReadOnlySpan<double> t, Span<double> result)
    {
        if (t.Length != Count || result.Length != Rank) throw new ArgumentException("t must have one value per row, result the rank's length");
        int padded = Padded;
        ref float x = ref MemoryMarshal.GetArrayDataReference(_block);
        ref float sum = ref MemoryMarshal.GetArrayDataReference(_sum);
        Array.Clear(_sum);
        int a = 0;
        for (; a + 4 <= Count; a += 4)
        {
            ref float r0 = ref Unsafe.Add(ref x, a * padded);
            ref float r1 = ref Unsafe.Add(ref r0, padded);
            ref float r2 = ref Unsafe.Add(ref r1, padded);
            ref float r3 = ref Unsafe.Add(ref r2, padded);
            var t0 = Vector256.Create((float)t[a]);
            var t1 = Vector256.Create((float)t[a + 1]);
            var t2 = Vector256.Create((float)t[a + 2]);
            var t3 = Vector256.Create((float)t[a + 3]);
            for (int c = 0; c < padded; c += Width)
            {
                var s = Vector256.LoadUnsafe(ref sum, (nuint)c);
                s = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)c), t0, s);
                s = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, (nuint)c), t1, s);
                s = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, (nuint)c), t2, s);
                s = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, (nuint)c), t3, s);
                s.StoreUnsafe(ref sum, (nuint)c);
            }
        }
        for (; a < Count; a++)
        {
            ref float r0 = ref Unsafe.Add(ref x, a * padded);
            var t0 = Vector256.Create((float)t[a]);
            for (int c = 0; c < padded; c += Width)
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, (nuint)c), t0, Vector256.LoadUnsafe(ref sum, (nuint)c)).StoreUnsafe(ref sum, (nuint)c);
        }
        for (int c = 0; c < Rank; c++) result[c] += _sum[c];
    }
}
