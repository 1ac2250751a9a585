using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The single-precision Gram kernel against MathNet's double-precision X^T W X and X^T t, on the
/// ranks and row lengths where tiles, padding and blocks have edges.
/// </summary>
public class GramAccumulatorTests
{
    public static TheoryData<GramPrecision, int, int, bool> Shapes()
    {
        var data = new TheoryData<GramPrecision, int, int, bool>();
        foreach (var precision in new[] { GramPrecision.Single, GramPrecision.Double })
        {
            foreach (int rank in new[] { 1, 7, 64, 65, 128 })
                foreach (int rows in new[] { 0, 1, rank - 1, rank, 10 * rank, 10_000 }.Distinct())
                    data.Add(precision, rank, rows, rows % 2 == 1);
            data.Add(precision, 50, 130, true);   // a rank that is not a multiple of the vector width, weighted
            data.Add(precision, 20, 300, false);  // more rows than one gathered block
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gram_and_right_hand_side_equal_MathNet_products(GramPrecision precision, int rank, int rowCount, bool weighted)
    {
        var random = new Random(rank * 1000 + rowCount);
        var factors = new FactorMatrix(400, rank, Enumerable.Range(0, 400 * rank).Select(_ => random.NextDouble() * 2 - 1).ToArray());
        int[] rows = Enumerable.Range(0, rowCount).Select(_ => random.Next(400)).ToArray();
        double[] weights = weighted ? rows.Select(_ => random.NextDouble() * 5).ToArray() : [];
        double[] coefficients = rows.Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var start = Enumerable.Range(0, rank * rank).Select(_ => random.NextDouble()).ToArray(); // it adds to what is there
        var gram = (double[])start.Clone();
        var rhs = new double[rank];

        new GramAccumulator(precision).Add(factors, rows, weights, coefficients, gram, rhs);

        var x = Matrix<double>.Build.Dense(rowCount, rank, (r, c) => factors.Row(rows[r])[c]);
        var w = Matrix<double>.Build.Diagonal(rowCount, rowCount, r => weighted ? weights[r] : 1);
        var expected = Matrix<double>.Build.Dense(rank, rank, (a, b) => start[a * rank + b]) + x.Transpose() * w * x;
        var expectedRhs = x.TransposeThisAndMultiply(Vector<double>.Build.Dense(coefficients));
        // Compare relative to the size of the sum's terms: about 1e-7 per term in single precision.
        double scale = (1 + rowCount * (weighted ? 5 : 1)) * (precision == GramPrecision.Single ? 1e-6 : 1e-12);
        for (int a = 0; a < rank; a++)
        {
            for (int b = 0; b <= a; b++)
                Assert.True(Math.Abs(expected[a, b] - gram[a * rank + b]) <= scale,
                    $"gram[{a},{b}] = {gram[a * rank + b]}, MathNet {expected[a, b]}");
            // Unweighted single precision sums the right-hand side from the rounded rows, like the
            // Gram; otherwise it is summed in double precision from the original rows.
            if (precision == GramPrecision.Single && !weighted)
                Assert.True(Math.Abs(expectedRhs[a] - rhs[a]) <= (1 + 2 * rowCount) * 1e-6, $"rhs[{a}] = {rhs[a]}, MathNet {expectedRhs[a]}");
            else Assert.Equal(expectedRhs[a], rhs[a], 9);
        }
    }

    public static TheoryData<int, int> RowProductShapes()
    {
        var data = new TheoryData<int, int>();
        foreach (int rank in new[] { 1, 7, 64, 65, 128 })
            foreach (int rows in new[] { 0, 1, rank - 1, rank, 2 * rank + 1, 300 }.Where(n => n >= 0).Distinct())
                data.Add(rank, rows);
        return data;
    }

    [Theory]
    [MemberData(nameof(RowProductShapes))]
    public void Row_products_of_the_dual_form_equal_MathNet_products(int rank, int rowCount)
    {
        var random = new Random(rank * 7919 + rowCount);
        var factors = new FactorMatrix(400, rank, Enumerable.Range(0, 400 * rank).Select(_ => random.NextDouble() * 2 - 1).ToArray());
        int[] rows = Enumerable.Range(0, rowCount).Select(_ => random.Next(400)).ToArray();
        var gathered = new GatheredRows();
        gathered.Gather(factors, rows);
        var gram = new double[rowCount * rowCount];

        new GramAccumulator(GramPrecision.Single).AddRowProducts(gathered, gram);

        var x = Matrix<double>.Build.Dense(rowCount, rank, (r, c) => factors.Row(rows[r])[c]);
        var expected = x.TransposeAndMultiply(x);
        double scale = (1 + rank) * 1e-6; // each entry sums k single-precision products
        for (int a = 0; a < rowCount; a++)
            for (int b = 0; b <= a; b++)
                Assert.True(Math.Abs(expected[a, b] - gram[a * rowCount + b]) <= scale, $"gram[{a},{b}] = {gram[a * rowCount + b]}, MathNet {expected[a, b]}");
    }

    [Fact]
    public void Row_products_need_single_precision_and_an_n_by_n_matrix()
    {
        var factors = new FactorMatrix(3, 2, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        var gathered = new GatheredRows();
        gathered.Gather(factors, [0, 2]);
        Assert.Throws<InvalidOperationException>(() => new GramAccumulator(GramPrecision.Double).AddRowProducts(gathered, new double[4]));
        Assert.Throws<ArgumentException>(() => new GramAccumulator(GramPrecision.Single).AddRowProducts(gathered, new double[9]));
    }

    [Fact]
    public void Weights_scale_each_outer_product()
    {
        // one row x = (1, 2), weight 4: 4 x x^T = [[4, 8], [8, 16]] (lower triangle)
        var factors = new FactorMatrix(1, 2, [1.0, 2.0]);
        var gram = new double[4];
        new GramAccumulator(GramPrecision.Single).Add(factors, [0], [4.0], gram);
        Assert.Equal(4, gram[0]);
        Assert.Equal(8, gram[2]);
        Assert.Equal(16, gram[3]);
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        var factors = new FactorMatrix(2, 3);
        Assert.Throws<ArgumentException>(() => new GramAccumulator().Add(factors, [0, 1], [1.0], new double[9]));
        Assert.Throws<ArgumentException>(() => new GramAccumulator().Add(factors, [0], [], new double[8]));
        Assert.Throws<ArgumentException>(() => new GramAccumulator().Add(factors, [0], [], [1.0, 2.0], new double[9], new double[3]));
    }
}
