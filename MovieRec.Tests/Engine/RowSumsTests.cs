using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

/// <summary>The SVD++ step's sparse row sums must equal, to the bit, the row-at-a-time sums they replaced.</summary>
public class RowSumsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(50)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    public void Equal_the_sums_of_AddScaled_one_row_at_a_time(int rank)
    {
        var random = new Random(rank);
        const int rows = 300;
        var matrix = new FactorMatrix(rows, rank, Enumerable.Range(0, rows * rank).Select(_ => random.NextDouble() * 2 - 1).ToArray());
        var scales = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 3).ToArray();
        foreach (int count in new[] { 0, 1, 2, 5, 299, 2_000 })
        {
            var indices = Enumerable.Range(0, count).Select(_ => random.Next(rows)).ToArray();
            foreach (var scale in new[] { null, scales })
            {
                var expected = new double[rank];
                foreach (int index in indices) VectorMath.AddScaled(expected, scale?[index] ?? 1, matrix.Row(index));
                var actual = Enumerable.Repeat(double.NaN, rank).ToArray(); // overwritten, never added to
                RowSums.Sum(matrix, indices, scale, actual);
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Fact]
    public void A_target_of_the_wrong_length_is_refused()
    {
        var matrix = new FactorMatrix(2, 3);
        Assert.Throws<ArgumentException>(() => RowSums.Sum(matrix, [0, 1], null, new double[2]));
    }
}
