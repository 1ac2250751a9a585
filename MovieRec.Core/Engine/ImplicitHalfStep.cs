using MathNet.Numerics.Providers.LinearAlgebra;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>
/// What every row of one implicit-ALS half-step shares, computed once: G = Y^T Y, and, when some
/// row takes the Woodbury route, B = G + lambda I, its inverse and H = Y B^-1 (row j is B^-1 y_j).
/// A row with few ratings then needs no k x k factorisation: with U = [sqrt(c_n - 1) y_n], the
/// Woodbury identity gives
///   (B + U U^T)^-1 = B^-1 - B^-1 U (I + U^T B^-1 U)^-1 U^T B^-1,
/// an n x n solve instead of a k x k one — the same x, far cheaper for the many short rows.
/// H costs as much as G again, so it is only formed when the rows that would use it save more than that.
/// </summary>
internal sealed class ImplicitHalfStep
{
    /// <summary>A half-step over every row of <paramref name="rows"/>, each solved by its cheapest route.</summary>
    /// <param name="single">A single-precision copy to refresh and reuse for the conjugate-gradient gathers (see <see cref="Rows"/>); null makes a new one.</param>
    public ImplicitHalfStep(FactorMatrix fixedFactors, double lambda, int threads, int conjugateGradientSteps, CsrRows rows, SingleFactors? single = null)
        : this(fixedFactors, lambda, threads, conjugateGradientSteps, NeedsWoodbury(rows, fixedFactors.Rows, fixedFactors.Rank, conjugateGradientSteps), single) { }

    /// <summary>An exact half-step (no conjugate gradient) that always prepares the Woodbury route.</summary>
    public ImplicitHalfStep(FactorMatrix fixedFactors, double lambda, int threads)
        : this(fixedFactors, lambda, threads, conjugateGradientSteps: 0, woodbury: true) { }

    private ImplicitHalfStep(FactorMatrix fixedFactors, double lambda, int threads, int conjugateGradientSteps, bool woodbury, SingleFactors? single = null)
    {
        Factors = fixedFactors;
        // Conjugate-gradient rows gather their rated vectors in single precision every half-step;
        // from a rounded copy made once they fetch half the bytes (the item side of ml-latest-small
        // at rank 96 is 7.5 MB in double, more than the second-level cache) and need no conversion.
        Rows = conjugateGradientSteps > 0 ? new FactorRows(fixedFactors, SingleFactors.From(fixedFactors, threads, single)) : fixedFactors;
        int k = fixedFactors.Rank;
        // With conjugate gradient the half-step is approximate anyway, and G is summed from the
        // same rounded copy in single precision (about 1e-7 relative, carried in double per block
        // of rows: GramAccumulator), at twice the double rate; exact half-steps keep it in double.
        Gram = FactorGram.Of(Rows, threads, conjugateGradientSteps > 0 ? GramPrecision.Single : GramPrecision.Double);
        Lambda = lambda;
        ConjugateGradientSteps = conjugateGradientSteps;
        if (!woodbury) return;

        var factor = (double[])Gram.Clone();
        VectorMath.AddToDiagonal(factor, k, lambda);
        var inverse = new double[k * k];
        VectorMath.AddToDiagonal(inverse, k, 1);
        var provider = LinearAlgebraControl.Provider;
        provider.CholeskyFactor(factor, k);
        provider.CholeskySolveFactored(factor, k, inverse, k); // B^-1 (symmetric, so storage order does not matter)
        Inverse = inverse;

        var h = new FactorMatrix(fixedFactors.Rows, k);
        ParallelRows.For(fixedFactors.Rows, threads, () => 0, (j, _) =>
        {
            var y = fixedFactors.Row(j);
            var row = h.Row(j);
            for (int c = 0; c < k; c++) VectorMath.AddScaled(row, y[c], inverse.AsSpan(c * k, k));
        });
        SolvedFactors = h;
    }

    public FactorMatrix Factors { get; }

    /// <summary>The fixed factors as the conjugate-gradient route gathers them: with their single-precision copy when that route is open.</summary>
    public FactorRows Rows { get; }

    /// <summary>Y^T Y (without the ridge), full and symmetric.</summary>
    public double[] Gram { get; }

    public double Lambda { get; }

    /// <summary>Conjugate-gradient steps a row may take instead of an exact solve; 0 means every row is solved exactly.</summary>
    public int ConjugateGradientSteps { get; }

    /// <summary>(Y^T Y + lambda I)^-1, row-major; null when no row takes the Woodbury route.</summary>
    public double[]? Inverse { get; }

    /// <summary>H: row j is B^-1 y_j; null when no row takes the Woodbury route.</summary>
    public FactorMatrix? SolvedFactors { get; }

    /// <summary>
    /// Whether the Woodbury route saves, over the rows that would take it, more than H costs to
    /// form (rows of Y x k^2). Training users against 9,700 movies, a handful of light users
    /// would otherwise pay for H over every movie.
    /// </summary>
    private static bool NeedsWoodbury(CsrRows rows, int fixedRows, int rank, int conjugateGradientSteps)
    {
        double saving = 0;
        for (int row = 0; row < rows.RowCount; row++)
        {
            var (woodbury, other) = ImplicitRowSolver.Costs(rows.RowLength(row), rank, conjugateGradientSteps);
            if (woodbury < other.Cost) saving += other.Cost - woodbury;
        }
        return saving > (double)fixedRows * rank * rank;
    }
}
