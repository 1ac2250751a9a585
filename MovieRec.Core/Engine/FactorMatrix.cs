namespace MovieRec.Core.Engine;

/// <summary>
/// A dense row-major matrix of latent factors: one row of <see cref="Rank"/> numbers per user or
/// item. Contiguous so that the ALS loops and the model file work on one array.
/// </summary>
public sealed class FactorMatrix
{
    public FactorMatrix(int rows, int rank) : this(rows, rank, new double[checked(rows * rank)]) { }

    public FactorMatrix(int rows, int rank, double[] data)
    {
        if (rows < 0 || rank < 0 || data.Length != (long)rows * rank)
            throw new ArgumentException($"a {rows} x {rank} matrix needs {(long)rows * rank} numbers, got {data.Length}");
        Rows = rows;
        Rank = rank;
        Data = data;
    }

    public int Rows { get; }
    public int Rank { get; }

    /// <summary>Row-major storage: row r is Data[r*Rank .. (r+1)*Rank).</summary>
    public double[] Data { get; }

    public Span<double> Row(int row) => Data.AsSpan(row * Rank, Rank);

    public FactorMatrix Clone() => new(Rows, Rank, (double[])Data.Clone());
}
