using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

/// <summary>The block-sweep inverse (EASE's P) against MathNet's inverse, on orders around its 48-row pivot blocks and 6 x 8 tiles.</summary>
public class SymmetricInverseTests
{
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(5, 1.0)]
    [InlineData(7, 1.0)]
    [InlineData(47, 1.0)]
    [InlineData(48, 1.0)]
    [InlineData(49, 1.0)]
    [InlineData(64, 1.0)]
    [InlineData(65, 1.0)]
    [InlineData(97, 1.0)]
    [InlineData(128, 1.0)]
    [InlineData(150, 1e-3)]  // a ridge far smaller than the Gram's entries: ill-conditioned
    [InlineData(100, 1e6)]   // a ridge that dominates
    public void Inverse_equals_MathNet_inverse(int order, double ridge)
    {
        var random = new Random(order * 31 + (int)Math.Log10(ridge));
        var x = Matrix<double>.Build.Dense(order + 5, order, (_, _) => random.NextDouble() < 0.3 ? 1 : 0); // "rated or not", as EASE's X
        var a = x.TransposeThisAndMultiply(x) + ridge * Matrix<double>.Build.DenseIdentity(order);
        var expected = a.Inverse();

        var actual = SymmetricInverse.Invert(UpperOnly(a), order);

        double size = expected.Enumerate().Max(Math.Abs);
        double tolerance = 1e-9 * size * Math.Max(1, a.ConditionNumber() * 1e-6);
        for (int r = 0; r < order; r++)
            for (int c = 0; c < order; c++)
                Assert.True(Math.Abs(expected[r, c] - actual[r * order + c]) <= tolerance,
                    $"P[{r}, {c}] = {actual[r * order + c]}, MathNet {expected[r, c]} (tolerance {tolerance})");
    }

    [Fact]
    public void Entries_of_very_different_scales_are_inverted_to_the_same_relative_accuracy()
    {
        // D A D with D = diag(1e-4 .. 1e4): inverse D^-1 A^-1 D^-1, entries from 1e-8 to 1e8 times A^-1's.
        const int order = 60;
        var random = new Random(11);
        var x = Matrix<double>.Build.Dense(order + 10, order, (_, _) => random.NextDouble() - 0.5);
        var scales = Vector<double>.Build.Dense(order, i => Math.Pow(10, -4 + 8.0 * i / (order - 1)));
        var d = Matrix<double>.Build.DenseOfDiagonalVector(scales);
        var a = d * (x.TransposeThisAndMultiply(x) + Matrix<double>.Build.DenseIdentity(order)) * d;
        var expected = a.Inverse();

        var actual = SymmetricInverse.Invert(UpperOnly(a), order);

        for (int r = 0; r < order; r++)
            for (int c = 0; c < order; c++)
            {
                double reference = expected[r, c];
                double scale = 1 / (scales[r] * scales[c]); // the size of this entry of D^-1 A^-1 D^-1
                Assert.True(Math.Abs(reference - actual[r * order + c]) <= 1e-9 * scale,
                    $"P[{r}, {c}] = {actual[r * order + c]}, MathNet {reference}");
            }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_result_does_not_depend_on_the_number_of_threads(int threads)
    {
        const int order = 130;
        var random = new Random(5);
        var x = Matrix<double>.Build.Dense(150, order, (_, _) => random.NextDouble() < 0.2 ? 1 : 0);
        var a = x.TransposeThisAndMultiply(x) + 5 * Matrix<double>.Build.DenseIdentity(order);

        var one = SymmetricInverse.Invert(UpperOnly(a), order, threads: 1);
        var many = SymmetricInverse.Invert(UpperOnly(a), order, threads);

        Assert.Equal(one, many); // bit for bit
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        // Positive diagonal, but the 2 x 2 minor [[1, 2], [2, 1]] has determinant -3.
        var a = new double[] { 1, 2, 0, 2, 1, 0, 0, 0, 1 };
        Assert.Throws<ArgumentException>(() => SymmetricInverse.Invert(a, 3));
    }

    [Fact]
    public void The_empty_matrix_has_the_empty_inverse() =>
        Assert.Empty(SymmetricInverse.Invert([], 0));

    /// <summary>Row-major with NaN below the diagonal: the lower triangle must not be read.</summary>
    private static double[] UpperOnly(Matrix<double> a)
    {
        int order = a.RowCount;
        var matrix = new double[order * order];
        for (int r = 0; r < order; r++)
            for (int c = 0; c < order; c++)
                matrix[r * order + c] = c >= r ? a[r, c] : double.NaN;
        return matrix;
    }
}
