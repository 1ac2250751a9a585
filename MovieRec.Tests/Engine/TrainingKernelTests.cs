using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The kernels of the ranking model's row solves and the SVD++ step against MathNet, on random
/// and adversarial shapes: orders that are not whole vectors or whole register blocks, a single
/// element, zero-length vectors, values of very different sizes.
/// </summary>
public class TrainingKernelTests
{
    public static TheoryData<int> Orders() => new() { 1, 3, 4, 7, 16, 47, 48, 49, 50, 64, 65, 96, 128 };

    [Theory]
    [MemberData(nameof(Orders))]
    public void The_matrix_vector_product_equals_MathNet(int order)
    {
        var random = new Random(order);
        var matrix = Enumerable.Range(0, order * order).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var v = Enumerable.Range(0, order).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var target = Enumerable.Repeat(double.NaN, order).ToArray(); // overwritten, never added to

        MatrixVector.MultiplyTransposed(matrix, v, target);

        var expected = Matrix<double>.Build.Dense(order, order, (r, c) => matrix[r * order + c]).TransposeThisAndMultiply(Vector<double>.Build.Dense(v));
        for (int b = 0; b < order; b++) Assert.Equal(expected[b], target[b], 1e-12 * order);
    }

    [Fact]
    public void The_matrix_vector_product_of_a_symmetric_Gram_is_the_Gram_times_the_vector()
    {
        // What the ranking model's rows use it for: G = Y^T Y, symmetric, so G^T v = G v.
        var random = new Random(5);
        var y = Matrix<double>.Build.Dense(300, 96, (_, _) => random.NextDouble() - 0.5);
        var gram = y.TransposeThisAndMultiply(y);
        var v = Vector<double>.Build.Dense(96, _ => random.NextDouble() * 10 - 5);
        var target = new double[96];

        MatrixVector.MultiplyTransposed(gram.ToRowMajorArray(), v.ToArray(), target);

        var expected = gram * v;
        for (int b = 0; b < 96; b++) Assert.Equal(expected[b], target[b], 1e-9);
    }

    [Fact]
    public void The_matrix_vector_product_keeps_small_terms_beside_large_ones()
    {
        // Adversarial scales: rows of 1e8 and of 1e-8 in one matrix; each element is summed in
        // order over c with fused multiply-adds, so the error stays that of the largest term.
        const int order = 65;
        var matrix = new double[order * order];
        for (int r = 0; r < order; r++)
            for (int c = 0; c < order; c++) matrix[r * order + c] = (r % 2 == 0 ? 1e8 : 1e-8) * (1 + (r + c) % 3);
        var v = Enumerable.Range(0, order).Select(c => c % 5 - 2.0).ToArray();
        var target = new double[order];

        MatrixVector.MultiplyTransposed(matrix, v, target);

        var expected = Matrix<double>.Build.Dense(order, order, (r, c) => matrix[r * order + c]).TransposeThisAndMultiply(Vector<double>.Build.Dense(v));
        for (int b = 0; b < order; b++) Assert.Equal(expected[b], target[b], 1e-15 * 3e8 * order);
    }

    [Fact]
    public void The_matrix_vector_product_refuses_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => MatrixVector.MultiplyTransposed(new double[8], new double[3], new double[3]));
        Assert.Throws<ArgumentException>(() => MatrixVector.MultiplyTransposed(new double[9], new double[3], new double[2]));
    }

    public static TheoryData<int> Lengths() => new() { 0, 1, 3, 4, 5, 7, 8, 50, 64, 65, 96, 128 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Four_dot_products_at_once_equal_MathNet(int length)
    {
        var random = new Random(100 + length);
        double[] Draw() => Enumerable.Range(0, length).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var x = Draw();
        var others = Enumerable.Range(0, 4).Select(_ => Draw()).ToArray();

        var (a, b, c, d) = VectorMath.DotFour(x, others[0], others[1], others[2], others[3]);

        var vx = Vector<double>.Build.Dense(x.Length == 0 ? [0.0] : x);
        double Expected(double[] o) => o.Length == 0 ? 0 : vx.DotProduct(Vector<double>.Build.Dense(o));
        Assert.Equal(Expected(others[0]), a, 1e-13 * (1 + length));
        Assert.Equal(Expected(others[1]), b, 1e-13 * (1 + length));
        Assert.Equal(Expected(others[2]), c, 1e-13 * (1 + length));
        Assert.Equal(Expected(others[3]), d, 1e-13 * (1 + length));
        // The same as four single dot products, to rounding.
        Assert.Equal(VectorMath.Dot(x, others[2]), c, 1e-13 * (1 + length));
    }

    [Fact]
    public void Four_dot_products_refuse_vectors_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.DotFour(new double[4], new double[4], new double[4], new double[3], new double[4]));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void The_column_by_column_updates_equal_MathNet_pointwise_operations(int length)
    {
        var random = new Random(200 + length);
        Vector<double> Draw() => Vector<double>.Build.Dense(Math.Max(1, length), _ => length == 0 ? 0 : random.NextDouble() * 4 - 2);
        var target = Draw();
        var scales = Draw();
        var source = Draw();
        int n = length;

        var added = target.ToArray()[..n];
        VectorMath.AddScaledElements(added, scales.ToArray()[..n], source.ToArray()[..n]);
        var expectedAdded = target + scales.PointwiseMultiply(source);

        var scaled = target.ToArray()[..n];
        VectorMath.ScaleElementsAndAdd(scaled, scales.ToArray()[..n], source.ToArray()[..n]);
        var expectedScaled = source + scales.PointwiseMultiply(target);

        var sums = target.ToArray()[..n];
        VectorMath.AddElementProducts(sums, scales.ToArray()[..n], source.ToArray()[..n]);

        for (int c = 0; c < n; c++)
        {
            Assert.Equal(expectedAdded[c], added[c], 1e-14);
            Assert.Equal(expectedScaled[c], scaled[c], 1e-14);
            Assert.Equal(expectedAdded[c], sums[c], 1e-14); // sums += a * b is the same operation
        }
    }

    [Fact]
    public void The_column_by_column_updates_refuse_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.AddScaledElements(new double[4], new double[3], new double[4]));
        Assert.Throws<ArgumentException>(() => VectorMath.ScaleElementsAndAdd(new double[4], new double[4], new double[5]));
        Assert.Throws<ArgumentException>(() => VectorMath.AddElementProducts(new double[2], new double[4], new double[4]));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(255, 7)]
    [InlineData(256, 50)]
    [InlineData(257, 50)]
    [InlineData(2_000, 65)]
    public void Row_blocks_give_MathNet_column_dot_products_whatever_the_thread_count(int rows, int rank)
    {
        var random = new Random(rows + rank);
        var a = Matrix<double>.Build.Dense(rows, rank, (_, _) => random.NextDouble() * 2 - 1);
        var b = Matrix<double>.Build.Dense(rows, rank, (_, _) => random.NextDouble() * 2 - 1);
        var rowsA = new FactorMatrix(rows, rank, a.ToRowMajorArray());
        var rowsB = new FactorMatrix(rows, rank, b.ToRowMajorArray());
        var expected = Enumerable.Range(0, rank).Select(c => a.Column(c).DotProduct(b.Column(c))).ToArray();

        double[] Sums(int threads)
        {
            var sums = Enumerable.Repeat(double.NaN, rank).ToArray(); // overwritten
            new RowBlocks(rows, rank, threads).Run((start, end, partial) =>
            {
                for (int r = start; r < end; r++) VectorMath.AddElementProducts(partial, rowsA.Row(r), rowsB.Row(r));
            }, sums);
            return sums;
        }

        var one = Sums(1);
        for (int c = 0; c < rank; c++) Assert.Equal(expected[c], one[c], 1e-12 * (1 + rows));
        foreach (int threads in new[] { 2, 3, 8 }) Assert.Equal(one, Sums(threads)); // to the bit
    }

    [Fact]
    public void Svd_plus_plus_over_several_blocks_of_movies_does_not_depend_on_the_thread_count()
    {
        // 1,200 movies: five blocks of the SVD++ step's passes, and two of the shared Gram.
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 200, items: 1_200, perUser: 40, seed: 11);
        var options = new TrainerOptions { Rank = 10, Iterations = 3, SvdPlusPlus = true, RankingRank = 12, RankingIterations = 2, NeighboursKept = 0, EaseItems = 0 };

        var one = ModelTrainer.Train(ratings, options with { Threads = 1 });
        foreach (int threads in new[] { 2, 3 })
        {
            var other = ModelTrainer.Train(ratings, options with { Threads = threads });
            Assert.Equal(one.UserFactors.Data, other.UserFactors.Data);
            Assert.Equal(one.ItemFactors.Data, other.ItemFactors.Data);
            Assert.Equal(one.ImplicitItemFactors!.Data, other.ImplicitItemFactors!.Data);
            Assert.Equal(one.Ranking!.UserFactors.Data, other.Ranking!.UserFactors.Data);
            Assert.Equal(one.Ranking.ItemFactors.Data, other.Ranking.ItemFactors.Data);
        }
        Assert.Contains(one.ImplicitItemFactors!.Data, value => value != 0); // the y_j really moved
    }

    [Fact]
    public void The_svd_plus_plus_step_reaches_the_MathNet_solution_and_keeps_its_offsets_equal_to_N_Y()
    {
        // Z = N Y is carried along by the steps rather than recomputed: after many steps it must
        // still be N Y, and Y the solution of (N^T Lambda N + lambda_y I) Y = N^T Lambda W.
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 60, items: 300, perUser: 15, seed: 3);
        var matrix = RatingMatrix.Build(ratings);
        const int k = 5;
        var options = new TrainerOptions { Rank = k, LambdaY = 2, Threads = 2 };
        int users = matrix.Users.Count, items = matrix.Items.Count;
        var random = new Random(1);
        var w = new FactorMatrix(users, k, Enumerable.Range(0, users * k).Select(_ => random.NextDouble() - 0.5).ToArray());
        var step = new SvdPlusPlusStep(matrix, options);

        for (int call = 0; call < 300; call++) step.FitImplicitFactors(w);

        var n = Matrix<double>.Build.Dense(users, items);
        for (int u = 0; u < users; u++)
            foreach (int j in matrix.ByUser.Columns(u)) n[u, j] = 1 / Math.Sqrt(matrix.ByUser.RowLength(u));
        var lambda = Matrix<double>.Build.Diagonal(users, users, u => ExplicitAls.RowLambda(options, matrix.ByUser.RowLength(u)));
        var system = n.TransposeThisAndMultiply(lambda * n) + Matrix<double>.Build.DenseIdentity(items) * options.LambdaY;
        var wMatrix = Matrix<double>.Build.Dense(users, k, (u, c) => w.Row(u)[c]);
        var expected = system.Cholesky().Solve(n.TransposeThisAndMultiply(lambda * wMatrix));
        var y = Matrix<double>.Build.Dense(items, k, (j, c) => step.ImplicitFactors.Row(j)[c]);
        var offsets = n * y;
        for (int j = 0; j < items; j++)
            for (int c = 0; c < k; c++) Assert.Equal(expected[j, c], y[j, c], 1e-6);
        for (int u = 0; u < users; u++)
            for (int c = 0; c < k; c++) Assert.Equal(offsets[u, c], step.UserOffsets().Row(u)[c], 1e-9);
    }
}
