using MathNet.Numerics.Providers.LinearAlgebra;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Core.Engine;

/// <summary>
/// What every row of one implicit-ALS half-step shares, computed once: B = Y^T Y + lambda I,
/// its inverse, and H = Y B^-1 (row j is B^-1 y_j). A row with few ratings then needs no k x k
/// factorisation: with U = [sqrt(c_n - 1) y_n], the Woodbury identity gives
///   (B + U U^T)^-1 = B^-1 - B^-1 U (I + U^T B^-1 U)^-1 U^T B^-1,
/// an n x n solve instead of a k x k one — the same x, far cheaper for the many short rows.
/// </summary>
internal sealed class ImplicitHalfStep
{
    public ImplicitHalfStep(FactorMatrix fixedFactors, double lambda, int threads)
    {
        Factors = fixedFactors;
        int k = fixedFactors.Rank;
        Gram = ImplicitAls.Gram(fixedFactors, threads);
        Lambda = lambda;

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

    /// <summary>Y^T Y (without the ridge).</summary>
    public double[] Gram { get; }

    public double Lambda { get; }

    /// <summary>(Y^T Y + lambda I)^-1, row-major.</summary>
    public double[] Inverse { get; }

    /// <summary>H: row j is B^-1 y_j.</summary>
    public FactorMatrix SolvedFactors { get; }
}
