using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// The few dense kernels the solves spend their time in, written over contiguous spans with
/// hardware vectors. Everything else in the engine calls these rather than looping itself.
/// </summary>
public static class VectorMath
{
    private static readonly int Width = Vector<double>.Count;

    /// <summary>a . b</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("vectors differ in length");
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        var acc = Vector<double>.Zero;
        int n = 0;
        for (; n + Width <= a.Length; n += Width)
            acc = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)n), Vector.LoadUnsafe(ref rb, (nuint)n), acc);
        double sum = Vector.Sum(acc);
        for (; n < a.Length; n++) sum += Unsafe.Add(ref ra, n) * Unsafe.Add(ref rb, n);
        return sum;
    }

    /// <summary>target += scale * source</summary>
    public static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        if (target.Length != source.Length) throw new ArgumentException("vectors differ in length");
        ref double rt = ref MemoryMarshal.GetReference(target);
        ref double rs = ref MemoryMarshal.GetReference(source);
        var s = new Vector<double>(scale);
        int n = 0;
        for (; n + Width <= target.Length; n += Width)
        {
            var t = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref rs, (nuint)n), Vector.LoadUnsafe(ref rt, (nuint)n));
            t.StoreUnsafe(ref rt, (nuint)n);
        }
        for (; n < target.Length; n++) Unsafe.Add(ref rt, n) += scale * Unsafe.Add(ref rs, n);
    }

    /// <summary>Euclidean norm.</summary>
    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    /// <summary>
    /// gram += sum_n w_n x_n x_n^T over the rows x_n = factors[rows[n]] (rank k, row-major),
    /// with w_n = 1 when <paramref name="weights"/> is empty. Only the lower triangle (b &lt;= a) is
    /// guaranteed: call <see cref="MirrorLowerTriangle"/> before handing the matrix on.
    /// Four rows are folded into each pass over the matrix, so each gram element is loaded and
    /// stored once per four ratings rather than once per rating.
    /// </summary>
    public static void AddOuterProducts(FactorMatrix factors, ReadOnlySpan<int> rows, ReadOnlySpan<double> weights, Span<double> gram)
    {
        int k = factors.Rank;
        if (gram.Length != k * k) throw new ArgumentException("gram must be rank x rank");
        bool weighted = !weights.IsEmpty;
        ref double f = ref MemoryMarshal.GetArrayDataReference(factors.Data);
        ref double g = ref MemoryMarshal.GetReference(gram);
        int n = 0;
        for (; n + 4 <= rows.Length; n += 4)
        {
            ref double x0 = ref Unsafe.Add(ref f, (nint)rows[n] * k);
            ref double x1 = ref Unsafe.Add(ref f, (nint)rows[n + 1] * k);
            ref double x2 = ref Unsafe.Add(ref f, (nint)rows[n + 2] * k);
            ref double x3 = ref Unsafe.Add(ref f, (nint)rows[n + 3] * k);
            double w0 = weighted ? weights[n] : 1, w1 = weighted ? weights[n + 1] : 1;
            double w2 = weighted ? weights[n + 2] : 1, w3 = weighted ? weights[n + 3] : 1;
            for (int a = 0; a < k; a++)
            {
                var s0 = new Vector<double>(w0 * Unsafe.Add(ref x0, a));
                var s1 = new Vector<double>(w1 * Unsafe.Add(ref x1, a));
                var s2 = new Vector<double>(w2 * Unsafe.Add(ref x2, a));
                var s3 = new Vector<double>(w3 * Unsafe.Add(ref x3, a));
                ref double row = ref Unsafe.Add(ref g, a * k);
                int length = LowerRowLength(a, k);
                int b = 0;
                for (; b + Width <= length; b += Width)
                {
                    var acc = Vector.LoadUnsafe(ref row, (nuint)b);
                    acc = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref x0, (nuint)b), acc);
                    acc = Vector.FusedMultiplyAdd(s1, Vector.LoadUnsafe(ref x1, (nuint)b), acc);
                    acc = Vector.FusedMultiplyAdd(s2, Vector.LoadUnsafe(ref x2, (nuint)b), acc);
                    acc = Vector.FusedMultiplyAdd(s3, Vector.LoadUnsafe(ref x3, (nuint)b), acc);
                    acc.StoreUnsafe(ref row, (nuint)b);
                }
                for (; b < length; b++)
                {
                    Unsafe.Add(ref row, b) += s0[0] * Unsafe.Add(ref x0, b) + s1[0] * Unsafe.Add(ref x1, b)
                                            + s2[0] * Unsafe.Add(ref x2, b) + s3[0] * Unsafe.Add(ref x3, b);
                }
            }
        }
        for (; n < rows.Length; n++)
        {
            var x = factors.Row(rows[n]);
            double w = weighted ? weights[n] : 1;
            for (int a = 0; a < k; a++)
                AddScaled(gram.Slice(a * k, LowerRowLength(a, k)), w * x[a], x[..LowerRowLength(a, k)]);
        }
    }

    /// <summary>
    /// How much of row a to update so that its lower part (columns 0..a) is covered: a + 1
    /// rounded up to whole vectors, so the loop needs no scalar tail while k is a multiple of the
    /// vector width. The few upper elements touched on the way are overwritten by the mirror.
    /// </summary>
    private static int LowerRowLength(int a, int k) => Math.Min(k, (a + Width) / Width * Width);

    /// <summary>Copies the lower triangle onto the upper one, making the matrix symmetric.</summary>
    public static void MirrorLowerTriangle(Span<double> matrix, int order)
    {
        for (int a = 0; a < order; a++)
            for (int b = a + 1; b < order; b++)
                matrix[a * order + b] = matrix[b * order + a];
    }

    /// <summary>Adds <paramref name="value"/> to the diagonal of a square row-major matrix.</summary>
    public static void AddToDiagonal(Span<double> matrix, int order, double value)
    {
        for (int a = 0; a < order; a++) matrix[a * order + a] += value;
    }
}
