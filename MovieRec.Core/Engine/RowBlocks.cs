namespace MovieRec.Core.Engine;

/// <summary>
/// A pass over the rows of factor matrices in fixed blocks of <see cref="BlockRows"/> rows, the
/// blocks run in parallel, each adding its rows' terms into its own per-column partial sums,
/// which are then added in block order: the column-wise dot products of the SVD++ step's
/// conjugate gradient (<see cref="SvdPlusPlusStep"/>), taken in the same pass that updates the
/// rows. The blocks do not depend on the thread count, so neither do the sums, to the bit.
/// One instance per matrix shape, reused by every pass.
/// </summary>
internal sealed class RowBlocks
{
    /// <summary>Rows per block: enough to amortise a hand-off, few enough to balance two threads over ml-latest-small's 9,700 movies.</summary>
    public const int BlockRows = 256;

    private readonly int _rows, _rank, _threads;
    private readonly double[] _partials;

    public RowBlocks(int rows, int rank, int threads)
    {
        _rows = rows;
        _rank = rank;
        _threads = threads;
        Blocks = (rows + BlockRows - 1) / BlockRows;
        _partials = new double[Blocks * rank];
    }

    public int Blocks { get; }

    /// <summary>What a pass does to rows start .. end - 1, adding its column terms into <paramref name="partial"/> (rank long, zero on entry).</summary>
    public delegate void Pass(int start, int end, Span<double> partial);

    /// <summary>Runs <paramref name="update"/> over rows start .. end - 1 of every block, for a pass that sums nothing.</summary>
    public void Run(Action<int, int> update) =>
        ParallelRows.For(Blocks, _threads, () => 0, (block, _) =>
        {
            int start = block * BlockRows;
            update(start, Math.Min(_rows, start + BlockRows));
        }, minimumChunk: 1);

    /// <summary>Runs <paramref name="pass"/> over every block; <paramref name="columnSums"/> (rank long) gets the partial sums added in block order.</summary>
    public void Run(Pass pass, Span<double> columnSums)
    {
        if (columnSums.Length != _rank) throw new ArgumentException("one sum per column");
        Array.Clear(_partials);
        ParallelRows.For(Blocks, _threads, () => 0, (block, _) =>
        {
            int start = block * BlockRows;
            pass(start, Math.Min(_rows, start + BlockRows), _partials.AsSpan(block * _rank, _rank));
        }, minimumChunk: 1);
        columnSums.Clear();
        for (int block = 0; block < Blocks; block++)
            Numerics.VectorMath.AddScaled(columnSums, 1, _partials.AsSpan(block * _rank, _rank));
    }
}
