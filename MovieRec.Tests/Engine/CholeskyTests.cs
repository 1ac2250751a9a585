using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

/// <summary>The hand-written Cholesky against MathNet's, on random and badly scaled systems.</summary>
public class CholeskyTests
{
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 1.0)]
    [InlineData(7, 1.0)]
    [InlineData(64, 1.0)]
    [InlineData(65, 1.0)]
    [InlineData(128, 1.0)]
    [InlineData(64, 1e-6)]   // a ridge far smaller than the Gram's entries: ill-conditioned
    [InlineData(20, 1e6)]    // a ridge that dominates
    public void Solution_equals_MathNet_Cholesky(int order, double ridge)
    {
        var random = new Random(order * 7 + (int)Math.Log10(ridge));
        var x = Matrix<double>.Build.Dense(order + 3, order, (_, _) => random.NextDouble() * 2 - 1);
        var a = x.TransposeThisAndMultiply(x) + ridge * Matrix<double>.Build.DenseIdentity(order);
        var b = Vector<double>.Build.Dense(order, _ => random.NextDouble() * 10 - 5);
        var expected = a.Cholesky().Solve(b);

        var solver = new CholeskySolver();
        var (matrix, rhs) = solver.Buffers(order);
        for (int r = 0; r < order; r++)
            for (int c = 0; c < order; c++)
                matrix[r * order + c] = a[r, c];
        for (int r = 0; r < order; r++) rhs[r] = b[r];
        var actual = solver.Solve(order);

        double size = expected.AbsoluteMaximum();
        for (int r = 0; r < order; r++)
            Assert.True(Math.Abs(expected[r] - actual[r]) <= 1e-9 * Math.Max(1, size), $"x[{r}] = {actual[r]}, MathNet {expected[r]}");
    }

    [Fact]
    public void Factor_equals_MathNet_factor_and_reads_only_the_upper_triangle()
    {
        const int order = 9;
        var random = new Random(3);
        var x = Matrix<double>.Build.Dense(12, order, (_, _) => random.NextDouble());
        var a = x.TransposeThisAndMultiply(x) + Matrix<double>.Build.DenseIdentity(order);
        var lower = a.Cholesky().Factor; // A = L L^T, so U = L^T

        var matrix = new double[order * order];
        for (int r = 0; r < order; r++)
            for (int c = 0; c < order; c++)
                matrix[r * order + c] = c >= r ? a[r, c] : double.NaN; // the lower triangle must not be read
        Cholesky.FactorUpper(matrix, order);

        for (int r = 0; r < order; r++)
            for (int c = r; c < order; c++)
                Assert.Equal(lower[c, r], matrix[r * order + c], 12);
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        // [[1, 2], [2, 1]] has eigenvalues 3 and -1.
        double[] matrix = [1, 2, 2, 1];
        var error = Assert.Throws<ArgumentException>(() => Cholesky.FactorUpper(matrix, 2));
        Assert.Contains("not positive definite", error.Message);
    }
}
