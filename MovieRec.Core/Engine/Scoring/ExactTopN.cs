using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// The n rows of a row-major float matrix with the highest dot product with a query, exactly as a
/// full single-precision pass (<see cref="ScoringIndex.MultiplyRows"/>) and <see cref="TopNSelector"/>
/// would rank them (same scores to the bit, same tie rule), at about a third of the cost:
///  1. every row is scored from its int8 copy (<see cref="QuantizedRows"/>) with an error bound e_i;
///  2. T = the n-th highest lower bound (approximate - e_i): at least n rows score T or more, so
///     the n-th best exact score is at least T;
///  3. only rows whose upper bound (approximate + e_i) reaches T can be among the best n: they (a
///     few dozen to a few hundred on real models) are scored exactly and ranked.
/// When the bounds cannot separate the rows (every row alike) step 3 simply scores them all.
/// </summary>
public sealed class ExactTopN
{
    private readonly float[] _rows;

    public ExactTopN(float[] rows, int width)
    {
        _rows = rows;
        Width = width;
        Quantized = new QuantizedRows(rows, width);
    }

    public int Width { get; }

    public int Count => Quantized.Count;

    public QuantizedRows Quantized { get; }

    /// <summary>How many rows the last call on this thread scored exactly (for the bench).</summary>
    [ThreadStatic] private static int _lastCandidates;

    public static int LastCandidates => _lastCandidates;

    /// <summary>
    /// Writes the best min(k, rows not excluded) rows, best first, into <paramref name="bestIds"/> (k
    /// is its length) with their exact scores in <paramref name="bestScores"/>; returns how many.
    /// Rows in <paramref name="excluded"/> (row indices; repeats and out-of-range values are ignored) are never picked.
    /// </summary>
    public int Select(ReadOnlySpan<float> query, ReadOnlySpan<int> excluded, Span<int> bestIds, Span<float> bestScores)
    {
        if (query.Length != Width) throw new ArgumentException($"the query must have {Width} values", nameof(query));
        int k = Math.Min(bestIds.Length, bestScores.Length);
        if (k == 0 || Count == 0) return 0;
        var quantized = Quantized;

        var pooledQuery = ArrayPool<short>.Shared.Rent(quantized.Stride);
        var pooledBytes = ArrayPool<sbyte>.Shared.Rent(quantized.Stride);
        var lower = ArrayPool<float>.Shared.Rent(Count);
        var upper = ArrayPool<float>.Shared.Rent(Count);
        try
        {
            var queryValues = pooledQuery.AsSpan(0, quantized.Stride);
            float queryScale = QuantizedRows.Quantize(query, pooledBytes.AsSpan(0, quantized.Stride), out _);
            for (int c = 0; c < queryValues.Length; c++) queryValues[c] = pooledBytes[c];
            float queryL1 = 0;
            foreach (float value in query) queryL1 += Math.Abs(value);

            var lowerSpan = lower.AsSpan(0, Count);
            var upperSpan = upper.AsSpan(0, Count);
            quantized.Approximate(queryValues, queryScale, queryL1, lowerSpan, upperSpan);
            for (int i = 0; i < Count; i++)
            {
                float approximate = lowerSpan[i], error = upperSpan[i];
                lowerSpan[i] = approximate - error;
                upperSpan[i] = approximate + error;
            }
            foreach (int row in excluded)
                if ((uint)row < (uint)Count) lowerSpan[row] = upperSpan[row] = float.NaN;

            float threshold = Threshold(lowerSpan, k);
            return ScoreCandidates(query, upperSpan, threshold, bestIds[..k], bestScores[..k]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(upper);
            ArrayPool<float>.Shared.Return(lower);
            ArrayPool<sbyte>.Shared.Return(pooledBytes);
            ArrayPool<short>.Shared.Return(pooledQuery);
        }
    }

    /// <summary>The k-th highest lower bound, or -infinity when fewer than k rows are left.</summary>
    private static float Threshold(ReadOnlySpan<float> lower, int k)
    {
        var pooledIds = ArrayPool<int>.Shared.Rent(k);
        var pooledScores = ArrayPool<float>.Shared.Rent(k);
        try
        {
            int found = TopNSelector.SelectInto(lower, ReadOnlySpan<int>.Empty, pooledIds.AsSpan(0, k), pooledScores.AsSpan(0, k), NaNScores.Skip);
            return found < k ? float.NegativeInfinity : pooledScores[k - 1];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pooledScores);
            ArrayPool<int>.Shared.Return(pooledIds);
        }
    }

    private int ScoreCandidates(ReadOnlySpan<float> query, ReadOnlySpan<float> upper, float threshold, Span<int> bestIds, Span<float> bestScores)
    {
        int candidates = 0;
        for (int i = 0; i < upper.Length; i++)
            if (upper[i] >= threshold) candidates++; // NaN (excluded) never passes
        _lastCandidates = candidates;
        var ids = ArrayPool<int>.Shared.Rent(candidates);
        var scores = ArrayPool<float>.Shared.Rent(candidates);
        try
        {
            ref float rows = ref MemoryMarshal.GetArrayDataReference(_rows);
            ref float q = ref MemoryMarshal.GetReference(query);
            int n = 0;
            for (int i = 0; i < upper.Length; i++)
            {
                if (!(upper[i] >= threshold)) continue;
                ids[n] = i;
                scores[n++] = RowDot(ref Unsafe.Add(ref rows, (nint)i * Width), ref q, Width);
            }
            return TopNSelector.SelectInto<float>(scores.AsSpan(0, n), ids.AsSpan(0, n), bestIds, bestScores, NaNScores.Skip);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(ids);
        }
    }

    /// <summary>
    /// row . query in single precision, in the one order every exact score of the code base uses
    /// (<see cref="ScoringIndex.MultiplyRows"/> calls this too), so re-ranked scores equal a full pass's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float RowDot(ref float row, ref float query, int width)
    {
        int vectorWidth = Vector<float>.Count;
        int whole = width / vectorWidth * vectorWidth;
        var acc = Vector<float>.Zero;
        for (int c = 0; c < whole; c += vectorWidth)
            acc = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref row, (nuint)c), Vector.LoadUnsafe(ref query, (nuint)c), acc);
        float sum = Vector.Sum(acc);
        for (int c = whole; c < width; c++) sum += Unsafe.Add(ref row, c) * Unsafe.Add(ref query, c);
        return sum;
    }
}
