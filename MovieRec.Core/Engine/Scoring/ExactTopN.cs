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
///  2. T = the smallest lower bound (approximate - e_i) of the n rows of highest approximate score:
///     those n rows score T or more exactly, so the n-th best exact score is at least T;
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
        var approximate = ArrayPool<float>.Shared.Rent(Count);
        var heapValues = ArrayPool<float>.Shared.Rent(k);
        var heapRows = ArrayPool<int>.Shared.Rent(k);
        try
        {
            var queryValues = pooledQuery.AsSpan(0, quantized.Stride);
            float queryScale = QuantizedRows.Quantize(query, pooledBytes.AsSpan(0, quantized.Stride), out _);
            for (int c = 0; c < queryValues.Length; c++) queryValues[c] = pooledBytes[c];
            float queryL1 = 0;
            foreach (float value in query) queryL1 += Math.Abs(value);

            // Pass 1: every row's approximate score (excluded rows too: marking them afterwards
            // keeps the kernel's loop free of tests), then the k best of them.
            var scores = approximate.AsSpan(0, Count);
            quantized.ApproximateAll(queryValues, queryScale, scores);
            foreach (int row in excluded)
                if ((uint)row < (uint)Count) scores[row] = float.NaN;
            int size = BestApproximate(scores, k, heapValues, heapRows);

            // Those k rows each score at least their lower bound exactly, so the k-th best exact
            // score is at least the smallest of those bounds; with fewer rows left, all of them count.
            float threshold = float.PositiveInfinity;
            for (int j = 0; j < size; j++)
                threshold = Math.Min(threshold, heapValues[j] - quantized.ErrorBound(heapRows[j], queryScale, queryL1));
            if (size < k) threshold = float.NegativeInfinity;
            return ScoreCandidates(query, scores, threshold, queryScale, queryL1, bestIds[..k], bestScores[..k]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(heapRows);
            ArrayPool<float>.Shared.Return(heapValues);
            ArrayPool<float>.Shared.Return(approximate);
            ArrayPool<sbyte>.Shared.Return(pooledBytes);
            ArrayPool<short>.Shared.Return(pooledQuery);
        }
    }

    /// <summary>
    /// The k highest approximate scores (NaN never taken) in a min-heap of (value, row); returns how
    /// many. Once the heap is full, a whole vector of scores is passed over at once when none beats
    /// its root, which is almost every vector: any k rows give a valid threshold, better rows a tighter one.
    /// </summary>
    private static int BestApproximate(ReadOnlySpan<float> scores, int k, float[] heapValues, int[] heapRows)
    {
        int size = 0, i = 0;
        for (; i < scores.Length && size < k; i++)
            if (!float.IsNaN(scores[i])) HeapPush(heapValues, heapRows, ref size, scores[i], i);
        int width = Vector<float>.Count;
        ref float start = ref MemoryMarshal.GetReference(scores);
        for (; i + width <= scores.Length; i += width)
        {
            // NaN compares false, so excluded rows never pass.
            if (!Vector.GreaterThanAny(Vector.LoadUnsafe(ref start, (nuint)i), new Vector<float>(heapValues[0]))) continue;
            for (int j = i; j < i + width; j++)
                if (scores[j] > heapValues[0]) HeapReplaceRoot(heapValues, heapRows, size, scores[j], j);
        }
        for (; i < scores.Length; i++)
            if (scores[i] > heapValues[0]) HeapReplaceRoot(heapValues, heapRows, size, scores[i], i);
        return size;
    }

    private static void HeapPush(float[] values, int[] rows, ref int size, float value, int row)
    {
        int child = size++;
        while (child > 0)
        {
            int parent = (child - 1) / 2;
            if (values[parent] <= value) break;
            values[child] = values[parent];
            rows[child] = rows[parent];
            child = parent;
        }
        values[child] = value;
        rows[child] = row;
    }

    private static void HeapReplaceRoot(float[] values, int[] rows, int size, float value, int row)
    {
        int parent = 0;
        while (true)
        {
            int child = 2 * parent + 1;
            if (child >= size) break;
            if (child + 1 < size && values[child + 1] < values[child]) child++;
            if (values[child] >= value) break;
            values[parent] = values[child];
            rows[parent] = rows[child];
            parent = child;
        }
        values[parent] = value;
        rows[parent] = row;
    }

    /// <summary>Pass 2: the rows whose upper bound reaches the threshold, scored exactly and ranked.</summary>
    private int ScoreCandidates(ReadOnlySpan<float> query, ReadOnlySpan<float> approximate, float threshold, float queryScale, float queryL1,
        Span<int> bestIds, Span<float> bestScores)
    {
        var quantized = Quantized;
        // A quick test with the largest bound of any row first; the row's own bound decides.
        float largest = quantized.LargestErrorBound(queryScale, queryL1);
        float quick = threshold - 2 * largest - Math.Abs(threshold) * 1e-6f;
        var ids = ArrayPool<int>.Shared.Rent(Count);
        var scores = ArrayPool<float>.Shared.Rent(Count);
        try
        {
            ref float rows = ref MemoryMarshal.GetArrayDataReference(_rows);
            ref float q = ref MemoryMarshal.GetReference(query);
            ref float first = ref MemoryMarshal.GetReference(approximate);
            var quickTest = new Vector<float>(quick);
            int width = Vector<float>.Count, whole = approximate.Length / width * width;
            int n = 0;
            for (int block = 0; block < approximate.Length; block += width)
            {
                // A whole vector below the quick test (nearly all of them) is passed over at once; NaN never passes.
                if (block < whole && !Vector.GreaterThanOrEqualAny(Vector.LoadUnsafe(ref first, (nuint)block), quickTest)) continue;
                for (int i = block; i < Math.Min(block + width, approximate.Length); i++)
                {
                    float score = approximate[i];
                    if (!(score >= quick)) continue;
                    if (!(score + quantized.ErrorBound(i, queryScale, queryL1) >= threshold)) continue;
                    ids[n] = i;
                    scores[n++] = RowDot(ref Unsafe.Add(ref rows, (nint)i * Width), ref q, Width);
                }
            }
            _lastCandidates = n;
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
