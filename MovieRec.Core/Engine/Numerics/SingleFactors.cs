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

    /// <summary>Rounds every row of <paramref name="factors"/>, in parallel over <paramref name="threads"/> threads.</summary>
    public static SingleFactors From(FactorMatrix factors, int threads)
    {
        var copy = new SingleFactors(factors.Rows, factors.Rank, new float[(long)factors.Rows * factors.Rank]);
        ParallelRows.For(factors.Rows, threads, () => 0, (row, _) =>
            VectorMath.ScaleToSingle(factors.Row(row), 1, copy.Data.AsSpan(row * factors.Rank, factors.Rank)));
        return copy;
    }
}

/// <summary>
/// The fixed side of a row solve: the factor matrix, and when training made them, its
/// single-precision copy (<see cref="SingleFactors"/>) and the Gram matrix of all its rows
/// (<see cref="FactorGram"/>, from which a row holding most of the matrix's rows takes its X^T X by
/// subtracting the rest: <see cref="RidgeSolver"/>). Kernels that gather rows in single precision
/// ask <see cref="CopyToSingle"/>, which copies from the copy when there is one and rounds the
/// double row otherwise (fold-in solves a single row and makes neither).
/// </summary>
public readonly struct FactorRows(FactorMatrix factors, SingleFactors? single = null, double[]? allRowsGram = null)
{
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

    /// <summary>target[..Rank] = row <paramref name="row"/> in single precision.</summary>
    public void CopyToSingle(int row, Span<float> target)
    {
        if (Single is { } copy) copy.Row(row).CopyTo(target);
        else VectorMath.ScaleToSingle(Double.Row(row), 1, target);
    }

    public static implicit operator FactorRows(FactorMatrix factors) => new(factors);
}
