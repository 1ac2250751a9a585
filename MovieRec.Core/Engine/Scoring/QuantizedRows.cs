using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// An int8 copy of row-major single-precision rows for the first pass of a top-N: row i is kept as
/// s_i * r_i with r_i in [-127, 127] (s_i = max|row_i| / 127, rounded to nearest), a quarter of the
/// float rows' bytes, which is what a pass over every movie is bound by. Each row also keeps the
/// bound of its quantisation error, so that <see cref="ExactTopN"/> can tell which rows might still
/// belong to the exact top N and score only those exactly.
/// The query is quantised the same way (t = max|q| / 127) per call; with |row - s r| &lt;= s / 2 and
/// |q - t p| &lt;= t / 2 per element,
///   |row . q - s t (r . p)| &lt;= s (t / 2) |r|_1 + (s / 2) |q|_1,
/// which <see cref="ErrorBound"/> returns with a margin for the rounding of single precision.
/// </summary>
public sealed class QuantizedRows
{
    /// <summary>Elements per kernel step: 16 int8 values widen to one Vector256&lt;short&gt;.</summary>
    public const int Lane = 16;

    private readonly sbyte[] _values;
    private readonly float[] _scales;
    private readonly float[] _halfScaledL1; // s_i |r_i|_1 / 2
    private readonly float _largestScale;
    private readonly float _largestHalfScaledL1;

    public QuantizedRows(ReadOnlySpan<float> rows, int width)
    {
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), "rows need at least one column");
        Width = width;
        Stride = (width + Lane - 1) / Lane * Lane;
        Count = rows.Length / width;
        _values = new sbyte[Count * Stride];
        _scales = new float[Count];
        _halfScaledL1 = new float[Count];
        for (int i = 0; i < Count; i++)
        {
            var row = rows.Slice(i * width, width);
            float scale = Quantize(row, _values.AsSpan(i * Stride, Stride), out int l1);
            _scales[i] = scale;
            _halfScaledL1[i] = 0.5f * scale * l1;
            _largestScale = Math.Max(_largestScale, scale);
            _largestHalfScaledL1 = Math.Max(_largestHalfScaledL1, _halfScaledL1[i]);
        }
        // Rounded up a little, so that the quick test never cuts what the exact one keeps.
        _largestScale *= 1.0001f;
        _largestHalfScaledL1 *= 1.0001f;
        // The float rounding of the exact score and of s t (r . p) is a few units in the last place
        // of s |q|_1 per term: width * 127 * 2^-23 relative to the bound's own s |q|_1 / 2, taken
        // four times over, and 1 % on top for the conversions.
        Margin = 1.01f + width * 127f * MathF.Pow(2, -21);
    }

    public int Width { get; }

    /// <summary>Row length in the int8 array: the width rounded up to whole kernel steps, zero-padded.</summary>
    public int Stride { get; }

    public int Count { get; }

    /// <summary>How much each error bound is widened for rounding (a factor above 1).</summary>
    public float Margin { get; }

    public float Scale(int row) => _scales[row];

    public ReadOnlySpan<sbyte> Row(int row) => _values.AsSpan(row * Stride, Stride);

    /// <summary>
    /// Rounds a row (or a query) to int8 in <paramref name="target"/> (its tail beyond the row is
    /// zeroed); returns the scale, 0 for a row of zeros, and the L1 norm of the int8 values.
    /// </summary>
    public static float Quantize(ReadOnlySpan<float> row, Span<sbyte> target, out int l1)
    {
        float max = 0;
        foreach (float value in row) max = Math.Max(max, Math.Abs(value));
        target.Clear();
        l1 = 0;
        if (max == 0) return 0;
        float scale = max / 127f;
        for (int c = 0; c < row.Length; c++)
        {
            int q = (int)MathF.Round(row[c] / scale);
            q = Math.Clamp(q, -127, 127);
            target[c] = (sbyte)q;
            l1 += Math.Abs(q);
        }
        return scale;
    }

    /// <summary>
    /// approximate[i] = s_i t (r_i . p) and error[i] its bound (see the class summary) for every row,
    /// for a query already quantised to <paramref name="query"/> (int16, <see cref="Stride"/> long) with
    /// scale <paramref name="queryScale"/> and float L1 norm <paramref name="queryL1"/>.
    /// </summary>
    public void Approximate(ReadOnlySpan<short> query, float queryScale, float queryL1, Span<float> approximate, Span<float> error)
    {
        if (query.Length < Stride) throw new ArgumentException("the query must be Stride long", nameof(query));
        if (approximate.Length < Count || error.Length < Count) throw new ArgumentException("one score per row");
        ApproximateAll(query, queryScale, approximate);
        for (int i = 0; i < Count; i++) error[i] = ErrorBound(i, queryScale, queryL1);
    }

    /// <summary>
    /// approximate[i] = s_i t (r_i . p) for every row: the first pass of <see cref="ExactTopN"/>.
    /// With AVX2, four rows at a time share each load of the query and one horizontal sum (a
    /// row-at-a-time loop spent about as long summing its accumulator as multiplying); the values
    /// are those of <see cref="Approximate(int, ReadOnlySpan{short}, float)"/> to the bit, since the
    /// integer sums are exact and the scaling is the same two single-precision products.
    /// </summary>
    public void ApproximateAll(ReadOnlySpan<short> query, float queryScale, Span<float> approximate)
    {
        if (query.Length < Stride) throw new ArgumentException("the query must be Stride long", nameof(query));
        if (approximate.Length < Count) throw new ArgumentException("one score per row", nameof(approximate));
        int row = 0;
        if (Avx2.IsSupported)
        {
            ref sbyte values = ref MemoryMarshal.GetArrayDataReference(_values);
            ref short p = ref MemoryMarshal.GetReference(query);
            ref float scales = ref MemoryMarshal.GetArrayDataReference(_scales);
            ref float target = ref MemoryMarshal.GetReference(approximate);
            var t = Vector128.Create(queryScale);
            for (; row + 4 <= Count; row += 4)
            {
                var sums = Dot4(ref Unsafe.Add(ref values, (nint)row * Stride), ref p, Stride);
                // (s_i t) (float) dot_i: the order of the one-row formula.
                var scaled = Vector128.LoadUnsafe(ref scales, (nuint)row) * t * Vector128.ConvertToSingle(sums);
                scaled.StoreUnsafe(ref target, (nuint)row);
            }
        }
        for (; row < Count; row++) approximate[row] = Approximate(row, query, queryScale);
    }

    /// <summary>The int8 x int16 dot products of four consecutive rows (each <paramref name="stride"/> long) with one query.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Dot4(ref sbyte rows, ref short query, int stride)
    {
        Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
        nuint s = (nuint)stride;
        for (nuint c = 0; c < s; c += Lane)
        {
            var p = Vector256.LoadUnsafe(ref query, c);
            a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref rows, c)), p));
            a1 = Avx2.Add(a1, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref rows, s + c)), p));
            a2 = Avx2.Add(a2, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref rows, 2 * s + c)), p));
            a3 = Avx2.Add(a3, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref rows, 3 * s + c)), p));
        }
        // Per 128-bit half: [sum a0, sum a1, sum a2, sum a3] of that half's four lanes; then the halves added.
        var sums = Avx2.HorizontalAdd(Avx2.HorizontalAdd(a0, a1), Avx2.HorizontalAdd(a2, a3));
        return Sse2.Add(sums.GetLower(), sums.GetUpper());
    }

    /// <summary>s_i t (r_i . p) for one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Approximate(int row, ReadOnlySpan<short> query, float queryScale) =>
        _scales[row] * queryScale * Dot(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), (nint)row * Stride), ref MemoryMarshal.GetReference(query), Stride);

    /// <summary>The bound of |row . q - approximate| for one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float ErrorBound(int row, float queryScale, float queryL1)
    {
        float halfQueryL1 = 0.5f * queryL1 * Margin;
        float marginT = queryScale * Margin;
        return _scales[row] * halfQueryL1 + marginT * _halfScaledL1[row];
    }

    /// <summary>A bound of every row's error at once: max s_i and max s_i |r_i|_1 / 2 give one figure for a quick first test.</summary>
    public float LargestErrorBound(float queryScale, float queryL1) =>
        _largestScale * 0.5f * queryL1 * Margin + queryScale * Margin * _largestHalfScaledL1;

    /// <summary>sum_c row[c] * query[c] over <paramref name="length"/> (a multiple of <see cref="Lane"/>) int8 x int16 values.</summary>
    internal static int Dot(ref sbyte row, ref short query, int length)
    {
        if (Avx2.IsSupported)
        {
            var acc = Vector256<int>.Zero;
            for (int c = 0; c < length; c += Lane)
            {
                var widened = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref row, (nuint)c));
                // Products are at most 127 * 127 and pairs of them at most 32,258: no overflow in int32.
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(widened, Vector256.LoadUnsafe(ref query, (nuint)c)));
            }
            return Vector256.Sum(acc);
        }
        return DotPortable(ref row, ref query, length);
    }

    /// <summary>The same without AVX2 (ARM, old x64): widening with the portable vector API.</summary>
    internal static int DotPortable(ref sbyte row, ref short query, int length)
    {
        var acc = Vector128<int>.Zero;
        for (int c = 0; c < length; c += Lane)
        {
            var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref row, (nuint)c));
            // 127 * 127 fits in a short, so the products are exact before they widen.
            var lowProducts = low * Vector128.LoadUnsafe(ref query, (nuint)c);
            var highProducts = high * Vector128.LoadUnsafe(ref query, (nuint)(c + 8));
            var (a, b) = Vector128.Widen(lowProducts);
            var (d, e) = Vector128.Widen(highProducts);
            acc += a + b + d + e;
        }
        return Vector128.Sum(acc);
    }
}
