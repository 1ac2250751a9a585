using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

/// <summary>The 6 x 8 register tile of the dense products against MathNet's product.</summary>
public class TileProductTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(7, true)]
    [InlineData(48, true)]
    [InlineData(65, false)]
    [InlineData(128, true)]
    public void A_tile_adds_or_subtracts_the_product_of_its_rows_and_leaves_the_rest_of_C_alone(int depth, bool subtract)
    {
        const int stride = 24, cStride = 30, i0 = 12, j0 = 16;
        var random = new Random(depth);
        var left = Enumerable.Range(0, depth * stride).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var right = Enumerable.Range(0, depth * stride).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var c = Enumerable.Range(0, 20 * cStride).Select(_ => random.NextDouble()).ToArray();
        var before = (double[])c.Clone();

        TileProduct.Accumulate(c, cStride, i0, j0, left, right, stride, depth, subtract);

        // Depth-major operands: column a of the depth x stride matrix is row a of the product's factor.
        var l = Matrix<double>.Build.DenseOfRowMajor(depth, stride, left);
        var r = Matrix<double>.Build.DenseOfRowMajor(depth, stride, right);
        var product = l.TransposeThisAndMultiply(r);
        for (int row = 0; row < 20; row++)
            for (int column = 0; column < cStride; column++)
            {
                bool inTile = row >= i0 && row < i0 + 6 && column >= j0 && column < j0 + 8;
                double expected = before[row * cStride + column] + (inTile ? (subtract ? -1 : 1) * product[row, column] : 0);
                Assert.True(Math.Abs(expected - c[row * cStride + column]) <= 1e-12 * (1 + depth),
                    $"C[{row}, {column}] = {c[row * cStride + column]}, expected {expected}");
            }
    }

    [Fact]
    public void A_tile_outside_its_arrays_is_refused()
    {
        var operand = new double[10 * 16];
        Assert.Throws<ArgumentOutOfRangeException>(() => TileProduct.Accumulate(new double[16 * 16], 16, 12, 8, operand, operand, 16, 10, subtract: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileProduct.Accumulate(new double[16 * 16], 16, 0, 0, operand, operand, 16, 11, subtract: false));
    }
}
