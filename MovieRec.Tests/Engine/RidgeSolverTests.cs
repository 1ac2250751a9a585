using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;

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

    /// <summary>Ranks 1, 7, 64, 65, 128 and rows of 0, 1, k-1, k and 10,000 ratings, cold (exact) and warm (conjugate gradient where it applies).</summary>
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int rank in new[] { 1, 7, 64, 65, 128 })
            foreach (int rows in new[] { 0, 1, rank - 1, rank, 10_000 }.Where(n => n >= 0).Distinct())
                foreach (int warmSteps in new[] { 0, 3 })
                    data.Add(rank, rows, warmSteps);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_measured_error_is_the_squared_error_of_the_solution_and_exact_solves_match_MathNet(int rank, int ratings, int warmSteps)
    {
        var (factors, rows, targets, centre) = Problem(rank, ratings);
        double lambda = 0.5 * Math.Max(1, ratings);
        var w = new double[rank];
        for (int c = 0; c < rank; c++) w[c] = 0.01 * (c % 5); // a warm start near zero

        double measured = new RidgeSolver().Solve(factors, rows, targets, lambda, centre, w, warmSteps, measureError: true);

        double direct = 0;
        for (int n = 0; n < ratings; n++)
        {
            double error = targets[n] - VectorMath.Dot(factors.Row(rows[n]), w);
            direct += error * error;
        }
        double size = 1 + targets.Sum(t => (double)t * t);
        Assert.True(Math.Abs(measured - direct) <= 1e-5 * size, $"measured {measured}, direct {direct}");
        if (warmSteps > 0 && RidgeSolver.UsesConjugateGradient(ratings, rank)) return; // a few steps, not the exact solve
        if (ratings == 0) { Assert.Equal(centre, w); return; }
        var x = Matrix<double>.Build.Dense(ratings, rank, (r, c) => factors.Row(rows[r])[c]);
        var y = Vector<double>.Build.Dense(targets.Select(t => (double)t).ToArray());
        var expected = (x.TransposeThisAndMultiply(x) + lambda * Matrix<double>.Build.DenseIdentity(rank))
            .Cholesky().Solve(x.TransposeThisAndMultiply(y) + lambda * Vector<double>.Build.Dense(centre));
        double scale = 1e-6 * (1 + expected.AbsoluteMaximum());
        for (int c = 0; c < rank; c++) Assert.True(Math.Abs(expected[c] - w[c]) <= scale, $"w[{c}] = {w[c]}, MathNet {expected[c]}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_single_precision_copy_of_the_factors_gives_the_same_solution_to_the_bit(int rank, int ratings, int warmSteps)
    {
        var (factors, rows, targets, centre) = Problem(rank, ratings);
        var withCopy = new FactorRows(factors, SingleFactors.From(factors, threads: 2));
        var a = new double[rank];
        var b = new double[rank];
        double errorA = new RidgeSolver().Solve(factors, rows, targets, 0.7, centre, a, warmSteps, measureError: true);
        double errorB = new RidgeSolver().Solve(withCopy, rows, targets, 0.7, centre, b, warmSteps, measureError: true);
        Assert.Equal(a, b);
        Assert.Equal(errorA, errorB);
    }

    [Fact]
    public void A_single_precision_copy_of_another_shape_is_refused()
    {
        var factors = new FactorMatrix(3, 2);
        var other = SingleFactors.From(new FactorMatrix(4, 2), threads: 1);
        Assert.Throws<ArgumentException>(() => new FactorRows(factors, other));
    }

    [Fact]
    public void Without_measuring_the_error_a_solve_returns_NaN()
    {
        var x = new FactorMatrix(2, 1, [1.0, 2.0]);
        Assert.True(double.IsNaN(new RidgeSolver().Solve(x, [0, 1], [1f, 2f], 1.0, ReadOnlySpan<double>.Empty, new double[1])));
    }

    private static (FactorMatrix, int[], float[], double[]) Problem(int rank, int ratings)
    {
        var random = new Random(rank * 101 + ratings);
        int factorRows = Math.Max(2 * ratings, 50);
        var factors = new FactorMatrix(factorRows, rank, Enumerable.Range(0, factorRows * rank).Select(_ => random.NextDouble() - 0.5).ToArray());
        int[] rows = Enumerable.Range(0, factorRows).OrderBy(_ => random.Next()).Take(ratings).Order().ToArray();
        float[] targets = rows.Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        double[] centre = Enumerable.Range(0, rank).Select(_ => random.NextDouble() - 0.5).ToArray();
        return (factors, rows, targets, centre);
    }
}
