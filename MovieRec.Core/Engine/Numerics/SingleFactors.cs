using System.Runtime.CompilerServices;
namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// A factor matrix's rows rounded to single precision once per half-step of training, for the
/// solves that gather those rows thousands of times each: a row is then 4 bytes a number to
/// fetch instead of 8 and needs no conversion. Every kernel that reads these rows already rounds
/// them to single precision (<see cref="GramAccumulator"/>, <see cref="GatheredRows"/>), so the
/// copy changes no result. At the MovieLens 32M shape the item side's copy (87,585 x 64) fits in
/// the machine's last-level cache where the double-precision matrix does not.
/// </summary>
public sealed class SingleFactors
{
    private SingleFactors(int rows, int rank, float[] data)
    {
        Rows = rows;
        Rank = rank;
        Data = data;
    }

    public int Rows { get; }
    public int Rank { get; }

    /// <summary>Row-major: row r is Data[r*Rank .. (r+1)*Rank).</summary>
    public float[] Data { get; }

    public ReadOnlySpan<float> Row(int row) => Data.AsSpan(row * Rank, Rank);

    /// <summary>
    /// An unfilled copy of <paramref name="factors"/>' shape, for <see cref="From"/> to round into
    /// (a fit keeps one per side and has every half-step refresh it).
    /// </summary>
    public static SingleFactors ShapedLike(FactorMatrix factors) =>
        new(factors.Rows, factors.Rank, new float[(long)factors.Rows * factors.Rank]);

    /// <summary>
    /// Rounds every row of <paramref name="factors"/>, in parallel over <paramref name="threads"/>
    /// threads, into <paramref name="reuse"/> when it has the same shape (training rounds the same
    /// side every half-step: a new array each time was megabytes for the collector to clear), else into a new copy.
    /// </summary>
    public static SingleFactors From(FactorMatrix factors, int threads, SingleFactors? reuse = null)
    {
        var copy = reuse is not null && reuse.Rows == factors.Rows && reuse.Rank == factors.Rank ? reuse : ShapedLike(factors);
        ParallelRows.For(factors.Rows, threads, () => 0, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row, _) =>
            VectorMath.ScaleToSingle(factors.Row(row), 1, copy.Data.AsSpan(row * factors.Rank, factors.Rank)));
        return copy;
    }
}
