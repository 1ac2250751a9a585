using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// The dot products of <paramref name="x"/> with four vectors of its length at once:
    /// x . a, x . b, x . c, x . d. Each of x's vectors is loaded once for the four, and the four
    /// sums run in independent registers, so the multiply-adds overlap instead of each waiting on
    /// the one before (a single <see cref="Dot"/> is bound by that wait): the n x n products of
    /// the Woodbury route and the training curve's x_u . y_i take this.
    /// </summary>
    public static (double A, double B, double C, double D) DotFour(ReadOnlySpan<double> x,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d)
    {
        int length = x.Length;
        if (a.Length != length || b.Length != length || c.Length != length || d.Length != length) throw new ArgumentException("vectors differ in length");
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        ref double rd = ref MemoryMarshal.GetReference(d);
        Vector256<double> sa = default, sb = default, sc = default, sd = default;
        int n = 0;
        for (; n + 4 <= length; n += 4)
        {
            var v = Vector256.LoadUnsafe(ref rx, (nuint)n);
            sa = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref ra, (nuint)n), sa);
            sb = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref rb, (nuint)n), sb);
            sc = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref rc, (nuint)n), sc);
            sd = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref rd, (nuint)n), sd);
        }
        double dotA = Vector256.Sum(sa), dotB = Vector256.Sum(sb), dotC = Vector256.Sum(sc), dotD = Vector256.Sum(sd);
        for (; n < length; n++)
        {
            double value = Unsafe.Add(ref rx, n);
            dotA += value * Unsafe.Add(ref ra, n);
            dotB += value * Unsafe.Add(ref rb, n);
            dotC += value * Unsafe.Add(ref rc, n);
            dotD += value * Unsafe.Add(ref rd, n);
        }
        return (dotA, dotB, dotC, dotD);
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

    /// <summary>target[c] += scales[c] * source[c] (element by element: each column its own scale).</summary>
    public static void AddScaledElements(Span<double> target, ReadOnlySpan<double> scales, ReadOnlySpan<double> source) =>
        MultiplyAddElements(scales, source, target, target);

    /// <summary>target[c] = addend[c] + scales[c] * target[c] (a conjugate-gradient direction update, column by column).</summary>
    public static void ScaleElementsAndAdd(Span<double> target, ReadOnlySpan<double> scales, ReadOnlySpan<double> addend) =>
        MultiplyAddElements(scales, target, addend, target);

    /// <summary>sums[c] += a[c] * b[c]: one row's terms of column-wise dot products.</summary>
    public static void AddElementProducts(Span<double> sums, ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        MultiplyAddElements(a, b, sums, sums);

    /// <summary>target[c] = x[c] * y[c] + z[c], fused, element by element (target may be one of the inputs).</summary>
    private static void MultiplyAddElements(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> target)
    {
        if (x.Length != target.Length || y.Length != target.Length || z.Length != target.Length) throw new ArgumentException("vectors differ in length");
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ry = ref MemoryMarshal.GetReference(y);
        ref double rz = ref MemoryMarshal.GetReference(z);
        ref double rt = ref MemoryMarshal.GetReference(target);
        int n = 0;
        for (; n + Width <= target.Length; n += Width)
            Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref rx, (nuint)n), Vector.LoadUnsafe(ref ry, (nuint)n), Vector.LoadUnsafe(ref rz, (nuint)n))
                .StoreUnsafe(ref rt, (nuint)n);
        for (; n < target.Length; n++) Unsafe.Add(ref rt, n) = Math.FusedMultiplyAdd(Unsafe.Add(ref rx, n), Unsafe.Add(ref ry, n), Unsafe.Add(ref rz, n));
    }

    /// <summary>target += source, in single precision.</summary>
    public static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        if (target.Length != source.Length) throw new ArgumentException("vectors differ in length");
        int width = Vector<float>.Count, n = 0;
        for (; n + width <= target.Length; n += width)
            (new Vector<float>(target[n..]) + new Vector<float>(source[n..])).CopyTo(target[n..]);
        for (; n < target.Length; n++) target[n] += source[n];
    }

    /// <summary>target[..source.Length] = (float)(scale * source): double rows into a single-precision block.</summary>
    public static void ScaleToSingle(ReadOnlySpan<double> source, double scale, Span<float> target)
    {
        if (target.Length < source.Length) throw new ArgumentException("target shorter than source");
        ref double rs = ref MemoryMarshal.GetReference(source);
        ref float rt = ref MemoryMarshal.GetReference(target);
        var s = Vector256.Create(scale);
        int n = 0;
        for (; n + 8 <= source.Length; n += 8)
        {
            var low = Vector256.LoadUnsafe(ref rs, (nuint)n) * s;
            var high = Vector256.LoadUnsafe(ref rs, (nuint)(n + 4)) * s;
            Vector256.Narrow(low, high).StoreUnsafe(ref rt, (nuint)n);
        }
        for (; n < source.Length; n++) Unsafe.Add(ref rt, n) = (float)(scale * Unsafe.Add(ref rs, n));
    }

    /// <summary>Euclidean norm.</summary>
    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

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
