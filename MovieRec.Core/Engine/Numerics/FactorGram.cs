namespace MovieRec.Core.Engine.Numerics;

/// <summary>
/// The Gram matrix of every row of a factor matrix, sum_r x_r x_r^T (Y^T Y of implicit ALS, and
/// the "all rows" Gram from which a very long row's X^T X is had by subtracting its few missing
/// rows: <see cref="RidgeSolver"/>). Summed by <see cref="GramAccumulator"/> over fixed blocks of
/// rows, the blocks added in block order, so that the result is the same to the bit whatever the
/// thread count. Full and symmetric.
/// </summary>
public static class FactorGram
{
    /// <summary>Rows per block: ten blocks of ml-latest-small's 9,724 movies share two threads evenly, where five of 2,048 left one idle a fifth of the time.</summary>
    private const int BlockRows = 1024;

    public static double[] Of(FactorRows factors, int threads, GramPrecision precision)
    {
        int k = factors.Rank, rowCount = factors.Double.Rows;
        int blocks = (rowCount + BlockRows - 1) / BlockRows;
        var partials = new double[blocks][];
        ParallelRows.For(blocks, threads, () => (Accumulator: new GramAccumulator(precision), Rows: new int[BlockRows]), (block, scratch) =>
        {
            int start = block * BlockRows, count = Math.Min(rowCount, start + BlockRows) - start;
            for (int n = 0; n < count; n++) scratch.Rows[n] = start + n;
            var partial = new double[k * k];
            scratch.Accumulator.Add(factors, scratch.Rows.AsSpan(0, count), ReadOnlySpan<double>.Empty, partial);
            partials[block] = partial;
        });
        var gram = new double[k * k];
        foreach (var partial in partials) VectorMath.AddScaled(gram, 1, partial);
        VectorMath.MirrorLowerTriangle(gram, k);
        return gram;
    }
}
