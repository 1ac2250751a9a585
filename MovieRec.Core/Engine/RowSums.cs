using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MovieRec.Core.Engine;

/// <summary>
/// target = sum_n scale(index_n) x_{index_n} over some rows of a factor matrix: the sparse
/// products of the SVD++ step (<see cref="SvdPlusPlusStep"/>), which sum thousands of short rows
/// per user or movie. Each element is summed in the order of the indices exactly as
/// <see cref="Numerics.VectorMath.AddScaled"/> would sum it one row at a time (a fused multiply-add
/// on whole vectors, a multiply then an add on the last columns), so the result is the same to
/// the bit; but the running sums of four vectors stay in registers across the rows instead of
/// being loaded and stored for every row, which was most of that loop's work.
/// </summary>
internal static class RowSums
{
    /// <param name="rows">The factor matrix whose rows are summed.</param>
    /// <param name="indices">Which rows, in the order they are added.</param>
    /// <param name="scales">Each row's factor by row index, or null for 1 (a plain sum).</param>
    /// <param name="target">Overwritten with the sum (rank long).</param>
    public static void Sum(FactorMatrix rows, ReadOnlySpan<int> indices, double[]? scales, Span<double> target)
    {
        int k = rows.Rank;
        if (target.Length != k) throw new ArgumentException("the target must be one row long", nameof(target));
        int width = Vector<double>.Count, whole = k / width * width;
        ref double data = ref MemoryMarshal.GetArrayDataReference(rows.Data);
        ref double sum = ref MemoryMarshal.GetReference(target);
        int c = 0;
        // Twelve vectors at once where the rank allows (rank 50 is then one pass over the indices
        // and the two last columns, where four at a time took three passes and the columns).
        if (width == 4)
            for (; c + 12 * width <= whole; c += 12 * width) SumTwelve(ref data, k, c, indices, scales, ref sum);
        for (; c + 4 * width <= whole; c += 4 * width)
        {
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            foreach (int index in indices)
            {
                ref double row = ref Unsafe.Add(ref data, (nint)index * k + c);
                if (scales is null)
                {
                    a0 += Vector.LoadUnsafe(ref row);
                    a1 += Vector.LoadUnsafe(ref row, (nuint)width);
                    a2 += Vector.LoadUnsafe(ref row, (nuint)(2 * width));
                    a3 += Vector.LoadUnsafe(ref row, (nuint)(3 * width));
                }
                else
                {
                    var s = new Vector<double>(scales[index]);
                    a0 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row), a0);
                    a1 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)width), a1);
                    a2 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(2 * width)), a2);
                    a3 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(3 * width)), a3);
                }
            }
            a0.StoreUnsafe(ref sum, (nuint)c);
            a1.StoreUnsafe(ref sum, (nuint)(c + width));
            a2.StoreUnsafe(ref sum, (nuint)(c + 2 * width));
            a3.StoreUnsafe(ref sum, (nuint)(c + 3 * width));
        }
        for (; c < whole; c += width)
        {
            Vector<double> a = default;
            foreach (int index in indices)
            {
                var x = Vector.LoadUnsafe(ref Unsafe.Add(ref data, (nint)index * k + c));
                a = scales is null ? a + x : Vector.FusedMultiplyAdd(new Vector<double>(scales[index]), x, a);
            }
            a.StoreUnsafe(ref sum, (nuint)c);
        }
        if (c == k) return;
        // The last columns (fewer than a vector): multiply, then add, as AddScaled's own tail does.
        var tail = target[c..];
        tail.Clear();
        foreach (int index in indices)
        {
            double s = scales is null ? 1 : scales[index];
            var row = rows.Data.AsSpan(index * k + c, k - c);
            for (int t = 0; t < tail.Length; t++) tail[t] += s * row[t];
        }
    }

    /// <summary>Columns c .. c + 47 of the sum (Vector&lt;double&gt; of four): twelve running sums held in registers over all the indices.</summary>
    private static void SumTwelve(ref double data, int k, int c, ReadOnlySpan<int> indices, double[]? scales, ref double sum)
    {
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default;
        Vector<double> a6 = default, a7 = default, a8 = default, a9 = default, a10 = default, a11 = default;
        foreach (int index in indices)
        {
            ref double row = ref Unsafe.Add(ref data, (nint)index * k + c);
            if (scales is null)
            {
                a0 += Vector.LoadUnsafe(ref row); a1 += Vector.LoadUnsafe(ref row, 4); a2 += Vector.LoadUnsafe(ref row, 8);
                a3 += Vector.LoadUnsafe(ref row, 12); a4 += Vector.LoadUnsafe(ref row, 16); a5 += Vector.LoadUnsafe(ref row, 20);
                a6 += Vector.LoadUnsafe(ref row, 24); a7 += Vector.LoadUnsafe(ref row, 28); a8 += Vector.LoadUnsafe(ref row, 32);
                a9 += Vector.LoadUnsafe(ref row, 36); a10 += Vector.LoadUnsafe(ref row, 40); a11 += Vector.LoadUnsafe(ref row, 44);
            }
            else
            {
                var s = new Vector<double>(scales[index]);
                a0 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row), a0);
                a1 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 4), a1);
                a2 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 8), a2);
                a3 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 12), a3);
                a4 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 16), a4);
                a5 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 20), a5);
                a6 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 24), a6);
                a7 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 28), a7);
                a8 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 32), a8);
                a9 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 36), a9);
                a10 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 40), a10);
                a11 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, 44), a11);
            }
        }
        ref double target = ref Unsafe.Add(ref sum, c);
        a0.StoreUnsafe(ref target, 0); a1.StoreUnsafe(ref target, 4); a2.StoreUnsafe(ref target, 8);
        a3.StoreUnsafe(ref target, 12); a4.StoreUnsafe(ref target, 16); a5.StoreUnsafe(ref target, 20);
        a6.StoreUnsafe(ref target, 24); a7.StoreUnsafe(ref target, 28); a8.StoreUnsafe(ref target, 32);
        a9.StoreUnsafe(ref target, 36); a10.StoreUnsafe(ref target, 40); a11.StoreUnsafe(ref target, 44);
    }
}
