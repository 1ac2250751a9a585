using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

/// <summary>
/// A row holding most rows of the fixed matrix takes X^T X as the Gram of all rows less the rows
/// it lacks (RidgeSolver, FactorGram, GramAccumulator.Subtract): checked against MathNet on the
/// shapes where tiles and blocks have edges, and for training's independence of the thread count.
/// </summary>
public class ComplementGramTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        // rank; rows the row holds; rows it lacks (0: it holds every row of the matrix)
        var data = new TheoryData<int, int, int>();
        foreach (int rank in new[] { 1, 7, 64, 65, 128 })
            foreach (int held in new[] { rank, 10_000 })
                foreach (int lacked in new[] { 0, 1, rank - 1, rank }.Where(n => n >= 0 && n < held).Distinct())
                    data.Add(rank, held, lacked);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_row_holding_most_rows_solves_as_MathNet_does_from_its_own_rows(int rank, int held, int lacked)
    {
        var random = new Random(rank * 977 + held + lacked);
        int matrixRows = held + lacked;
        var factors = new FactorMatrix(matrixRows, rank, Enumerable.Range(0, matrixRows * rank).Select(_ => random.NextDouble() - 0.5).ToArray());
        int[] rows = Enumerable.Range(0, matrixRows).OrderBy(_ => random.Next()).Take(held).Order().ToArray();
        float[] targets = rows.Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        double[] centre = Enumerable.Range(0, rank).Select(_ => random.NextDouble() - 0.5).ToArray();
        double lambda = 0.3 * held;
        var single = SingleFactors.From(factors, threads: 2);
        var withGram = new FactorRows(factors, single, FactorGram.Of(new FactorRows(factors, single), threads: 2, GramPrecision.Single));
        Assert.True(RidgeSolver.UsesComplement(held, rank, matrixRows));

        var w = new double[rank];
        double measured = new RidgeSolver().Solve(withGram, rows, targets, lambda, centre, w, measureError: true);

        var x = Matrix<double>.Build.Dense(held, rank, (r, c) => factors.Row(rows[r])[c]);
        var y = Vector<double>.Build.Dense(targets.Select(t => (double)t).ToArray());
        var expected = (x.TransposeThisAndMultiply(x) + lambda * Matrix<double>.Build.DenseIdentity(rank))
            .Cholesky().Solve(x.TransposeThisAndMultiply(y) + lambda * Vector<double>.Build.Dense(centre));
        double scale = 1e-6 * (1 + expected.AbsoluteMaximum());
        for (int c = 0; c < rank; c++) Assert.True(Math.Abs(expected[c] - w[c]) <= scale, $"w[{c}] = {w[c]}, MathNet {expected[c]}");
        double direct = (y - x * Vector<double>.Build.Dense(w)).Sum(e => e * e);
        Assert.True(Math.Abs(measured - direct) <= 1e-5 * (1 + y.DotProduct(y)), $"measured error {measured}, direct {direct}");
    }

    [Theory]
    [InlineData(7, 40, 35)]
    [InlineData(64, 300, 200)]
    public void Rows_with_repeats_or_out_of_order_take_the_direct_route_and_stay_exact(int rank, int matrixRows, int held)
    {
        var random = new Random(rank + held);
        var factors = new FactorMatrix(matrixRows, rank, Enumerable.Range(0, matrixRows * rank).Select(_ => random.NextDouble() - 0.5).ToArray());
        // Descending, with one row twice: not a set the complement could be taken of.
        int[] rows = Enumerable.Range(0, matrixRows).OrderBy(_ => random.Next()).Take(held - 1).OrderDescending().Append(0).ToArray();
        float[] targets = rows.Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var withGram = new FactorRows(factors, null, FactorGram.Of(factors, threads: 1, GramPrecision.Single));
        var plain = new double[rank];
        var viaGram = new double[rank];
        new RidgeSolver().Solve(factors, rows, targets, 2.0, ReadOnlySpan<double>.Empty, plain);
        new RidgeSolver().Solve(withGram, rows, targets, 2.0, ReadOnlySpan<double>.Empty, viaGram);
        Assert.Equal(plain, viaGram);
    }

    [Theory]
    [InlineData(GramPrecision.Single, 1)]
    [InlineData(GramPrecision.Single, 65)]
    [InlineData(GramPrecision.Double, 64)]
    [InlineData(GramPrecision.Double, 128)]
    public void The_Gram_of_all_rows_equals_MathNet_and_does_not_depend_on_the_thread_count(GramPrecision precision, int rank)
    {
        var random = new Random(rank);
        const int rows = 5_000; // three blocks of rows, the last one partial
        var factors = new FactorMatrix(rows, rank, Enumerable.Range(0, rows * rank).Select(_ => random.NextDouble() - 0.5).ToArray());

        var one = FactorGram.Of(factors, threads: 1, precision);
        var two = FactorGram.Of(factors, threads: 2, precision);
        var four = FactorGram.Of(factors, threads: 4, precision);

        Assert.Equal(one, two);
        Assert.Equal(one, four);
        var x = Matrix<double>.Build.Dense(rows, rank, (r, c) => factors.Row(r)[c]);
        var expected = x.TransposeThisAndMultiply(x);
        double tolerance = rows * (precision == GramPrecision.Single ? 1e-6 : 1e-12);
        for (int a = 0; a < rank; a++)
            for (int b = 0; b < rank; b++)
                Assert.True(Math.Abs(expected[a, b] - one[a * rank + b]) <= tolerance, $"G[{a},{b}] = {one[a * rank + b]}, MathNet {expected[a, b]}");
    }

    [Fact]
    public void Subtracting_rows_undoes_adding_them_and_the_right_hand_side_alone_equals_the_one_summed_with_the_Gram()
    {
        var random = new Random(3);
        const int rank = 65;
        var factors = new FactorMatrix(500, rank, Enumerable.Range(0, 500 * rank).Select(_ => random.NextDouble() - 0.5).ToArray());
        int[] rows = Enumerable.Range(0, 300).Select(_ => random.Next(500)).ToArray();
        double[] coefficients = rows.Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var accumulator = new GramAccumulator(GramPrecision.Single);
        var gram = new double[rank * rank];
        var rhs = new double[rank];
        var rhsAlone = new double[rank];

        accumulator.Add(factors, rows, [], coefficients, gram, rhs);
        accumulator.AddRightHandSide(factors, rows, coefficients, rhsAlone);
        accumulator.Subtract(factors, rows, gram);

        Assert.Equal(rhs, rhsAlone);
        for (int a = 0; a < rank; a++)
            for (int b = 0; b <= a; b++)
                Assert.True(Math.Abs(gram[a * rank + b]) <= 1e-9, $"gram[{a},{b}] = {gram[a * rank + b]} after adding and subtracting the same rows");
    }

    [Fact]
    public void The_route_is_taken_by_rows_that_lack_fewer_rows_than_they_hold_and_the_Gram_only_when_it_pays()
    {
        Assert.True(RidgeSolver.UsesComplement(600, 64, 1000));
        Assert.False(RidgeSolver.UsesComplement(500, 64, 1000));          // lacks as many as it holds
        Assert.False(RidgeSolver.UsesComplement(60, 64, 100));            // shorter than the rank: the dual form
        Assert.False(RidgeSolver.UsesComplement(1500, 64, 2000, warmSteps: 3)); // conjugate gradient's length
        Assert.True(RidgeSolver.UsesComplement(3000, 64, 4000, warmSteps: 3));

        // One row of 3,000 of 4,000 saves 2,000 outer products: less than the Gram of 4,000 rows.
        Assert.False(RidgeSolver.ComplementPays(Rows(4000, 3000), 64, 4000, warmSteps: 3));
        Assert.True(RidgeSolver.ComplementPays(Rows(4000, 3000, 3000, 3000), 64, 4000, warmSteps: 3));
    }

    [Fact]
    public void Training_with_rows_that_hold_most_users_does_not_depend_on_the_thread_count()
    {
        // Rank 128: rows above 1,024 ratings are solved exactly, and three movies rated by 1,300
        // of 1,500 users take the complement route (they save 3 x 1,100 outer products, more
        // than the 1,500 of the Gram of all users).
        var random = new Random(11);
        var ratings = new List<Rating>();
        for (int user = 1; user <= 1500; user++)
        {
            for (int movie = 1; movie <= 3; movie++)
                if (user % 15 != movie) ratings.Add(new Rating(user, movie, random.Next(1, 11) / 2f, 0));
            ratings.Add(new Rating(user, 10 + user % 40, random.Next(1, 11) / 2f, 0));
        }
        Assert.True(ratings.Count(r => r.MovieId == 1) > 1300);
        var options = new TrainerOptions { Rank = 128, Iterations = 2, Ranking = false, SvdPlusPlus = false, NeighboursKept = 0 };

        var one = ModelTrainer.Train(ratings.ToArray(), options with { Threads = 1 });
        var two = ModelTrainer.Train(ratings.ToArray(), options with { Threads = 2 });
        var three = ModelTrainer.Train(ratings.ToArray(), options with { Threads = 3 });

        foreach (var other in new[] { two, three })
        {
            Assert.Equal(one.UserFactors.Data, other.UserFactors.Data);
            Assert.Equal(one.ItemFactors.Data, other.ItemFactors.Data);
        }
    }

    private static CsrRows Rows(int matrixRows, params int[] lengths)
    {
        var offsets = new int[lengths.Length + 1];
        for (int r = 0; r < lengths.Length; r++) offsets[r + 1] = offsets[r] + lengths[r];
        var columns = lengths.SelectMany(n => Enumerable.Range(0, n)).ToArray();
        return new CsrRows(offsets, columns, new float[columns.Length]);
    }
}
