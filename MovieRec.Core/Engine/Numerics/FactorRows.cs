using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// The fixed side of a row solve: the factor matrix, and when training made them, its
/// single-precision copy (<see cref="SingleFactors"/>) and the Gram matrix of all its rows
/// (<see cref="FactorGram"/>, from which a row holding most of the matrix's rows takes its X^T X by
/// subtracting the rest: <see cref="RidgeSolver"/>). Kernels gather the rows they need into
/// contiguous single-precision blocks through <see cref="Gather"/>, which copies from the copy when
/// there is one and rounds the double rows otherwise (fold-in solves a single row and makes neither).
/// </summary>
public readonly struct FactorRows(FactorMatrix factors, SingleFactors? single = null, double[]? allRowsGram = null)
{
    /// <summary>Rows fetched ahead of the one being copied: a row gathered from a matrix larger than the caches waits on memory otherwise.</summary>
    private const int PrefetchDistance = 8;

    public FactorMatrix Double { get; } = single is null || (single.Rows == factors.Rows && single.Rank == factors.Rank)
        ? factors
        : throw new ArgumentException("the single-precision copy must have the matrix's shape");

    public SingleFactors? Single { get; } = single;

    /// <summary>sum over every row r of x_r x_r^T (rank x rank, symmetric), or null when not formed.</summary>
    public double[]? AllRowsGram { get; } = allRowsGram is null || allRowsGram.Length == factors.Rank * factors.Rank
        ? allRowsGram
        : throw new ArgumentException("the Gram of all rows must be rank x rank");

    public int Rank => Double.Rank;

    /// <summary>Rows of the matrix.</summary>
    public int Rows => Double.Rows;

    /// <summary>
    /// Row n of <paramref name="block"/> (at n * <paramref name="stride"/>) = row rows[n] of the
    /// matrix in single precision, zero from <see cref="Rank"/> to the stride. From the
    /// single-precision copy, the next rows are prefetched while one is copied: the rows a solve
    /// needs are scattered over a matrix that need not fit in the caches.
    /// </summary>
    public void Gather(ReadOnlySpan<int> rows, Span<float> block, int stride)
    {
        int k = Rank;
        if (stride < k || block.Length < (long)rows.Length * stride) throw new ArgumentException("the block is too small for the rows");
        foreach (int row in rows)
            if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(rows), $"row {row} is outside the matrix");
        ref float target = ref MemoryMarshal.GetReference(block);
        if (Single is not { } copy)
        {
            for (int n = 0; n < rows.Length; n++)
            {
                var destination = block.Slice(n * stride, stride);
                VectorMath.ScaleToSingle(Double.Row(rows[n]), 1, destination);
                destination[k..].Clear();
            }
            return;
        }
        ref float source = ref MemoryMarshal.GetArrayDataReference(copy.Data);
        for (int n = 0; n < rows.Length; n++)
        {
            if (n + PrefetchDistance < rows.Length) Prefetch(ref Unsafe.Add(ref source, (nint)rows[n + PrefetchDistance] * k), k);
            CopyRow(ref Unsafe.Add(ref source, (nint)rows[n] * k), ref Unsafe.Add(ref target, (nint)n * stride), k, stride);
        }
    }

    private static void CopyRow(ref float source, ref float target, int k, int stride)
    {
        int c = 0;
        for (; c + 8 <= k; c += 8) Vector256.LoadUnsafe(ref source, (nuint)c).StoreUnsafe(ref target, (nuint)c);
        for (; c < k; c++) Unsafe.Add(ref target, c) = Unsafe.Add(ref source, c);
        for (; c < stride; c++) Unsafe.Add(ref target, c) = 0;
    }

    /// <summary>Asks for the cache lines of one row (a hint: it never faults, so a stale address is harmless).</summary>
    private static unsafe void Prefetch(ref float row, int k)
    {
        if (!Sse.IsSupported) return;
        byte* start = (byte*)Unsafe.AsPointer(ref row);
        for (int offset = 0; offset < k * sizeof(float); offset += 64) Sse.Prefetch0(start + offset);
    }

    public static implicit operator FactorRows(FactorMatrix factors) => new(factors);
}
