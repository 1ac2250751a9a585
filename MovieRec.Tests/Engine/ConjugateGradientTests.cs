using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

/// <summary>The gathered-row products and the warm-started conjugate-gradient solve against MathNet.</summary>
public class ConjugateGradientTests
{
    public static TheoryData<int, int> Shapes()
    {
        var data = new TheoryData<int, int>();
        foreach (int rank in new[] { 1, 7, 64, 65, 128 })
            foreach (int rows in new[] { 0, 1, rank - 1, rank, 10 * rank, 10_000 }.Distinct())
                data.Add(rank, rows);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gathered_products_equal_MathNet_products(int rank, int rowCount)
    {
        var random = new Random(rank * 77 + rowCount);
        var factors = RandomFactors(random, 500, rank);
        int[] rows = Enumerable.Range(0, rowCount).Select(_ => random.Next(500)).ToArray();
        double[] v = Enumerable.Range(0, rank).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] t = Enumerable.Range(0, rowCount).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] start = Enumerable.Range(0, rank).Select(_ => random.NextDouble()).ToArray();

        var gathered = new GatheredRows();
        gathered.Gather(factors, rows);
        var products = new double[rowCount];
        gathered.Multiply(v, products);
        var transposed = (double[])start.Clone();
        gathered.AddTransposedProduct(t, transposed);

        var x = Matrix<double>.Build.Dense(rowCount, rank, (r, c) => factors.Row(rows[r])[c]);
        var expectedProducts = x * Vector<double>.Build.Dense(v);
        var expectedTransposed = Vector<double>.Build.Dense(start) + x.TransposeThisAndMultiply(Vector<double>.Build.Dense(t));
        // Single-precision rows and sums: about 1e-7 relative per term.
        for (int a = 0; a < rowCount; a++) Assert.Equal(expectedProducts[a], products[a], 1e-5 * rank);
        for (int c = 0; c < rank; c++) Assert.Equal(expectedTransposed[c], transposed[c], 1e-6 * (1 + rowCount));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_one_pass_product_equals_MathNet_and_the_two_passes_it_replaces(int rank, int rowCount)
    {
        var random = new Random(rank * 31 + rowCount);
        var factors = RandomFactors(random, 500, rank);
        int[] rows = Enumerable.Range(0, rowCount).Select(_ => random.Next(500)).ToArray();
        double[] v = Enumerable.Range(0, rank).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] offsets = Enumerable.Range(0, rowCount).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        double[] slopes = Enumerable.Range(0, rowCount).Select(_ => random.NextDouble() * 3).ToArray();
        double[] start = Enumerable.Range(0, rank).Select(_ => random.NextDouble()).ToArray();
        var gathered = new GatheredRows();
        gathered.Gather(factors, rows);

        var products = new double[rowCount];
        var result = (double[])start.Clone();
        gathered.MultiplyAndAddTransposed(v, products, offsets, slopes, slope: 0, result);

        // The two passes it replaces, with t = offset + slope * (x . v) formed in between.
        var twoPassProducts = new double[rowCount];
        gathered.Multiply(v, twoPassProducts);
        var t = twoPassProducts.Select((p, a) => offsets[a] + slopes[a] * p).ToArray();
        var twoPass = (double[])start.Clone();
        gathered.AddTransposedProduct(t, twoPass);
        Assert.Equal(twoPassProducts, products);
        Assert.Equal(twoPass, result);

        var x = Matrix<double>.Build.Dense(rowCount, rank, (r, c) => factors.Row(rows[r])[c]);
        var expectedProducts = x * Vector<double>.Build.Dense(v);
        var coefficients = Vector<double>.Build.Dense(rowCount, a => offsets[a] + slopes[a] * expectedProducts[a]);
        var expected = Vector<double>.Build.Dense(start) + x.TransposeThisAndMultiply(coefficients);
        for (int a = 0; a < rowCount; a++) Assert.Equal(expectedProducts[a], products[a], 1e-5 * rank);
        for (int c = 0; c < rank; c++) Assert.Equal(expected[c], result[c], 1e-5 * rank * (1 + rowCount));

        // A scalar slope with no offsets: the plain normal-matrix product X^T (X v).
        var plain = new double[rank];
        gathered.MultiplyAndAddTransposed(v, products, [], [], slope: 1, plain);
        var expectedPlain = x.TransposeThisAndMultiply(expectedProducts);
        for (int c = 0; c < rank; c++) Assert.Equal(expectedPlain[c], plain[c], 1e-5 * rank * (1 + rowCount));
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(7, 100)]
    [InlineData(64, 64)]
    [InlineData(65, 650)]
    [InlineData(128, 1000)]
    public void Enough_steps_from_zero_reach_the_exact_solution(int rank, int rowCount)
    {
        var (factors, rows, targets, centre) = Problem(rank, rowCount);
        double lambda = 0.1 * rowCount;
        var exact = Exact(factors, rows, targets, lambda, centre);

        var w = new double[rank];
        new ConjugateGradientRidge().Solve(factors, rows, targets, lambda, centre, steps: 3 * rank, w);

        double size = exact.AbsoluteMaximum();
        for (int c = 0; c < rank; c++) Assert.True(Math.Abs(exact[c] - w[c]) <= 1e-4 * size, $"w[{c}] = {w[c]}, exact {exact[c]}");
    }

    [Fact]
    public void Three_warm_steps_shrink_the_error_of_a_nearby_start()
    {
        var (factors, rows, targets, centre) = Problem(64, 500);
        double lambda = 50;
        var exact = Exact(factors, rows, targets, lambda, centre);
        var random = new Random(9);
        var w = exact.Select(value => value + 0.05 * (random.NextDouble() - 0.5)).ToArray();
        double before = (Vector<double>.Build.Dense(w) - exact).L2Norm();

        new ConjugateGradientRidge().Solve(factors, rows, targets, lambda, centre, steps: 3, w);

        double after = (Vector<double>.Build.Dense(w) - exact).L2Norm();
        Assert.True(after < 0.1 * before, $"error {before} -> {after}");
    }

    [Fact]
    public void Zero_steps_leave_the_warm_start_as_it_was()
    {
        var (factors, rows, targets, centre) = Problem(7, 30);
        double[] w = [1, 2, 3, 4, 5, 6, 7];
        new ConjugateGradientRidge().Solve(factors, rows, targets, 1, centre, steps: 0, w);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], w);
    }

    [Fact]
    public void The_ridge_solver_takes_the_warm_route_only_for_long_enough_rows()
    {
        var (factors, rows, targets, centre) = Problem(8, 5); // fewer ratings than factors: dual, exact
        double lambda = 0.5;
        var exact = Exact(factors, rows, targets, lambda, centre);
        var w = new double[8]; // a poor warm start that one step could not repair
        new RidgeSolver().Solve(factors, rows, targets, lambda, centre, w, warmSteps: 1);
        // The dual sums X X^T in single precision: about 1e-7 relative, far from one CG step's error.
        for (int c = 0; c < 8; c++) Assert.Equal(exact[c], w[c], 1e-6);
    }

    [Fact]
    public void Rows_longer_than_a_cached_block_are_solved_exactly_even_when_warm_steps_are_asked()
    {
        Assert.True(RidgeSolver.UsesConjugateGradient(2048, 64));
        Assert.False(RidgeSolver.UsesConjugateGradient(2049, 64));
        Assert.False(RidgeSolver.UsesConjugateGradient(63, 64));
        var (factors, rows, targets, centre) = Problem(64, 3000);
        double lambda = 3;
        var exact = Exact(factors, rows, targets, lambda, centre);
        var w = new double[64]; // one step from zero would land far from the solution
        new RidgeSolver().Solve(factors, rows, targets, lambda, centre, w, warmSteps: 1);
        double size = exact.AbsoluteMaximum();
        for (int c = 0; c < 64; c++) Assert.True(Math.Abs(exact[c] - w[c]) <= 1e-5 * size, $"w[{c}] = {w[c]}, exact {exact[c]}");
    }

    private static FactorMatrix RandomFactors(Random random, int rows, int rank) =>
        new(rows, rank, Enumerable.Range(0, rows * rank).Select(_ => random.NextDouble() * 2 - 1).ToArray());

    private static (FactorMatrix, int[], float[], double[]) Problem(int rank, int rowCount)
    {
        var random = new Random(rank * 13 + rowCount);
        var factors = RandomFactors(random, Math.Max(2 * rowCount, 50), rank);
        int[] rows = Enumerable.Range(0, factors.Rows).OrderBy(_ => random.Next()).Take(rowCount).ToArray();
        float[] targets = rows.Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        double[] centre = Enumerable.Range(0, rank).Select(_ => random.NextDouble() - 0.5).ToArray();
        return (factors, rows, targets, centre);
    }

    /// <summary>(X^T X + lambda I) w = X^T y + lambda c by MathNet's Cholesky.</summary>
    private static Vector<double> Exact(FactorMatrix factors, int[] rows, float[] targets, double lambda, double[] centre)
    {
        var x = Matrix<double>.Build.Dense(rows.Length, factors.Rank, (r, c) => factors.Row(rows[r])[c]);
        var y = Vector<double>.Build.Dense(targets.Select(t => (double)t).ToArray());
        return (x.TransposeThisAndMultiply(x) + lambda * Matrix<double>.Build.DenseIdentity(factors.Rank))
            .Cholesky().Solve(x.TransposeThisAndMultiply(y) + lambda * Vector<double>.Build.Dense(centre));
    }
}
