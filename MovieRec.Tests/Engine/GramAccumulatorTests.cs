using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

public class GramAccumulatorTests
{
    [Theory]
    [InlineData(1, 3, false)]
    [InlineData(5, 7, true)]
    [InlineData(20, 300, false)]   // more rows than one gathered block
    [InlineData(50, 130, true)]    // a rank that is not a multiple of the vector width
    [InlineData(64, 257, true)]
    public void The_lower_triangle_equals_a_plain_sum_of_outer_products(int rank, int rowCount, bool weighted)
    {
        var random = new Random(rank * 1000 + rowCount);
        var factors = new FactorMatrix(400, rank, Enumerable.Range(0, 400 * rank).Select(_ => random.NextDouble() * 2 - 1).ToArray());
        int[] rows = Enumerable.Range(0, rowCount).Select(_ => random.Next(400)).ToArray();
        double[] weights = weighted ? rows.Select(_ => random.NextDouble() * 5).ToArray() : [];
        var gram = Enumerable.Range(0, rank * rank).Select(_ => random.NextDouble()).ToArray(); // it adds to what is there
        var expected = (double[])gram.Clone();
        for (int n = 0; n < rows.Length; n++)
        {
            double w = weighted ? weights[n] : 1;
            var x = factors.Row(rows[n]);
            for (int a = 0; a < rank; a++)
                for (int b = 0; b < rank; b++)
                    expected[a * rank + b] += w * x[a] * x[b];
        }

        new GramAccumulator().Add(factors, rows, weights, gram);

        for (int a = 0; a < rank; a++)
            for (int b = 0; b <= a; b++)
                Assert.Equal(expected[a * rank + b], gram[a * rank + b], 9);
    }
}
