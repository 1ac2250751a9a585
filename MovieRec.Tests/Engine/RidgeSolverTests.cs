using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;

namespace MovieRec.Tests.Engine;

public class RidgeSolverTests
{
    [Fact]
    public void One_factor_solve_matches_hand_computation()
    {
        // x = [1], [2]; y = 1, 2; lambda = 1:  w = (1*1 + 2*2) / (1 + 4 + 1) = 5/6
        var x = new FactorMatrix(2, 1, [1.0, 2.0]);
        var w = new double[1];
        new RidgeSolver().Solve(x, [0, 1], [1f, 2f], 1.0, ReadOnlySpan<double>.Empty, w);
        Assert.Equal(5.0 / 6, w[0], 12);
    }

    [Fact]
    public void A_centred_ridge_with_no_ratings_returns_the_centre()
    {
        var x = new FactorMatrix(1, 2, [1.0, 1.0]);
        var w = new double[2];
        new RidgeSolver().Solve(x, [], [], 1.0, [0.5, -0.25], w);
        Assert.Equal([0.5, -0.25], w);
    }

    [Theory]
    [InlineData(1, 8)]   // one rating: the 1 x 1 dual in closed form
    [InlineData(3, 8)]   // fewer ratings than factors: the dual form
    [InlineData(8, 8)]   // as many: the primal form
    [InlineData(20, 8)]
    [InlineData(5, 5)]
    public void Both_forms_equal_a_dense_solve_of_the_normal_equations(int ratings, int rank)
    {
        var random = new Random(ratings * 31 + rank);
        var factors = new FactorMatrix(40, rank, Enumerable.Range(0, 40 * rank).Select(_ => random.NextDouble() - 0.5).ToArray());
        int[] rows = Enumerable.Range(0, 40).OrderBy(_ => random.Next()).Take(ratings).ToArray();
        float[] targets = rows.Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        double[] centre = Enumerable.Range(0, rank).Select(_ => random.NextDouble()).ToArray();
        const double lambda = 0.7;

        var w = new double[rank];
        new RidgeSolver().Solve(factors, rows, targets, lambda, centre, w);

        // (X^T X + lambda I) w = X^T y + lambda c, solved densely by MathNet's LU.
        var xMatrix = Matrix<double>.Build.Dense(ratings, rank, (r, c) => factors.Row(rows[r])[c]);
        var y = Vector<double>.Build.Dense(targets.Select(t => (double)t).ToArray());
        var c = Vector<double>.Build.Dense(centre);
        var expected = (xMatrix.TransposeThisAndMultiply(xMatrix) + lambda * Matrix<double>.Build.DenseIdentity(rank))
            .Solve(xMatrix.TransposeThisAndMultiply(y) + lambda * c);
        // The primal form sums X^T X in single precision (GramAccumulator): about 1e-7 relative.
        for (int n = 0; n < rank; n++) Assert.Equal(expected[n], w[n], 1e-6);
    }
}
