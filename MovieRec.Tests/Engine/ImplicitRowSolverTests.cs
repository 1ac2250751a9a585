using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;

namespace MovieRec.Tests.Engine;

/// <summary>
/// Every route of the implicit row solve against the exact solution computed the plain way with
/// MathNet: A = Y^T Y + lambda I + sum_n (c_n - 1) y_n y_n^T, b = sum_n c_n y_n, x = A^-1 b by Cholesky.
/// </summary>
public class ImplicitRowSolverTests
{
    public static TheoryData<int, int> RanksAndRowLengths()
    {
        var data = new TheoryData<int, int>();
        foreach (int rank in new[] { 1, 7, 64, 65, 128 })
            foreach (int length in new[] { 0, 1, rank - 1, rank, 3 * rank + 5 }.Distinct())
                data.Add(rank, length);
        return data;
    }

    [Theory]
    [MemberData(nameof(RanksAndRowLengths))]
    public void Conjugate_gradient_run_to_convergence_matches_the_cholesky_solution(int rank, int length)
    {
        var random = new Random(rank * 1000 + length);
        var problem = Problem.Random(random, rank, items: 3 * rank + 40, length, lambda: 2.0);
        var x = new double[rank];
        for (int c = 0; c < rank; c++) x[c] = random.NextDouble() - 0.5; // any start

        new ImplicitRowSolver(rank).SolveByConjugateGradient(problem.Y, problem.Gram, problem.Lambda, problem.Rows, problem.Weights, x, steps: 4 * rank + 10);

        // The stopping rule (squared residual below 1e-10) leaves about 1e-5 of relative error.
        AssertClose(problem.Exact(), x, 1e-5);
    }

    [Theory]
    [MemberData(nameof(RanksAndRowLengths))]
    public void Every_exact_route_matches_the_cholesky_solution(int rank, int length)
    {
        var random = new Random(rank * 7 + length);
        var problem = Problem.Random(random, rank, items: 3 * rank + 40, length, lambda: 0.5);
        var solver = new ImplicitRowSolver(rank);

        var direct = new double[rank];
        solver.Solve(problem.Y, problem.Gram, problem.Lambda, problem.Rows, problem.Weights, direct);
        AssertClose(problem.Exact(), direct, 1e-8);

        // The half-step route (Woodbury for short rows, Cholesky for long), conjugate gradient off.
        var step = new ImplicitHalfStep(problem.Y, problem.Lambda, threads: 1);
        var routed = Enumerable.Repeat(9.0, rank).ToArray(); // an exact route ignores the start
        solver.Solve(step, problem.Rows, problem.Weights, routed);
        AssertClose(problem.Exact(), routed, 1e-8);
    }

    [Fact]
    public void An_ill_conditioned_system_still_converges_with_enough_steps()
    {
        // Nearly collinear item vectors, a tiny ridge and confidences spanning three decades.
        const int rank = 65;
        var random = new Random(3);
        var direction = Enumerable.Range(0, rank).Select(_ => random.NextDouble()).ToArray();
        var data = new double[200 * rank];
        for (int j = 0; j < 200; j++)
            for (int c = 0; c < rank; c++)
                data[j * rank + c] = direction[c] + 1e-3 * (random.NextDouble() - 0.5);
        var y = new FactorMatrix(200, rank, data);
        int[] rows = Enumerable.Range(0, 150).ToArray();
        double[] weights = rows.Select(n => Math.Pow(10, 3.0 * n / rows.Length)).ToArray();
        var problem = new Problem(y, rows, weights, 1e-3);

        var x = new double[rank];
        new ImplicitRowSolver(rank).SolveByConjugateGradient(y, problem.Gram, problem.Lambda, rows, weights, x, steps: 2000);

        // Judge by the residual relative to b: the system is too ill-conditioned for x itself to match to many digits.
        var a = problem.Matrix();
        var b = problem.RightHandSide();
        double relative = (a * Vector<double>.Build.DenseOfArray(x) - b).L2Norm() / b.L2Norm();
        Assert.True(relative < 1e-4, $"relative residual {relative}");
    }

    [Fact]
    public void A_few_steps_from_a_warm_start_move_toward_the_solution_and_never_away()
    {
        const int rank = 64;
        var random = new Random(5);
        var problem = Problem.Random(random, rank, items: 300, length: 120, lambda: 5);
        var exact = problem.Exact();
        var a = problem.Matrix();
        double ErrorInA(double[] x)
        {
            var e = Vector<double>.Build.DenseOfArray(x) - exact;
            return Math.Sqrt(e * (a * e));
        }

        var x = exact.Select(v => v + 0.05 * (random.NextDouble() - 0.5)).ToArray();
        double before = ErrorInA(x);
        var solver = new ImplicitRowSolver(rank);
        solver.SolveByConjugateGradient(problem.Y, problem.Gram, problem.Lambda, problem.Rows, problem.Weights, x, steps: 3);
        double afterThree = ErrorInA(x);
        solver.SolveByConjugateGradient(problem.Y, problem.Gram, problem.Lambda, problem.Rows, problem.Weights, x, steps: 3);
        double afterSix = ErrorInA(x);

        // Conjugate gradient minimises the A-norm of the error over a growing space.
        Assert.True(afterThree < before / 2, $"error {before} -> {afterThree}");
        Assert.True(afterSix < afterThree, $"error {afterThree} -> {afterSix}");
    }

    [Fact]
    public void A_row_without_ratings_is_zero_whatever_its_start()
    {
        var problem = Problem.Random(new Random(1), 8, items: 20, length: 0, lambda: 1);
        var oneEmptyRow = new CsrRows([0, 0], [], []);
        var step = new ImplicitHalfStep(problem.Y, 1, threads: 1, conjugateGradientSteps: 3, oneEmptyRow);
        var x = Enumerable.Repeat(1.0, 8).ToArray();
        new ImplicitRowSolver(8).Solve(step, [], [], x);
        Assert.All(x, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void A_half_step_forms_the_woodbury_factors_only_when_the_short_rows_repay_them()
    {
        var y = Problem.Random(new Random(2), 32, items: 2000, length: 0, lambda: 1).Y;
        // One short row against 2,000 fixed rows: H (2,000 x 32^2) costs more than the row saves.
        var oneShortRow = new CsrRows([0, 3], [5, 9, 11], [4f, 3f, 5f]);
        var lonely = new ImplicitHalfStep(y, 1, threads: 1, conjugateGradientSteps: 3, oneShortRow);
        Assert.Null(lonely.SolvedFactors);

        // A thousand short rows repay it.
        var offsets = Enumerable.Range(0, 1001).Select(r => 3 * r).ToArray();
        var columns = Enumerable.Range(0, 3000).Select(n => (n * 7) % 2000).ToArray();
        var many = new CsrRows(offsets, columns, Enumerable.Repeat(4f, 3000).ToArray());
        Assert.NotNull(new ImplicitHalfStep(y, 1, threads: 1, conjugateGradientSteps: 3, many).SolvedFactors);

        // Without H the short row takes another route and is still solved exactly enough.
        var problem = new Problem(y, [5, 9, 11], [4.0, 3.0, 5.0], 1);
        var x = new double[32];
        new ImplicitRowSolver(32).Solve(lonely, problem.Rows, problem.Weights, x);
        Assert.Equal("ConjugateGradient", ImplicitRowSolver.ChooseRoute(3, 32, 3, woodburyPrepared: false).ToString());
        // Three steps from zero on a rank-3 update of a well-conditioned matrix: close, not exact.
        AssertClose(problem.Exact(), x, 0.05);
    }

    [Theory]
    [InlineData(0, 128, 3, "Zero")]
    [InlineData(5, 128, 3, "Woodbury")]
    [InlineData(200, 128, 3, "ConjugateGradient")]
    [InlineData(200, 128, 0, "Cholesky")]
    [InlineData(100, 128, 0, "Woodbury")]
    [InlineData(127, 128, 0, "Cholesky")]
    [InlineData(500, 4, 3, "Cholesky")]
    public void Each_row_takes_its_cheapest_route(int ratings, int rank, int steps, string expected)
    {
        Assert.Equal(expected, ImplicitRowSolver.ChooseRoute(ratings, rank, steps).ToString());
    }

    [Fact]
    public void Training_with_conjugate_gradient_rows_does_not_depend_on_the_thread_count()
    {
        // Rank 24 and about 60 ratings a user: the user rows take the conjugate-gradient route.
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 150, items: 400, perUser: 60, seed: 9);
        Assert.Equal("ConjugateGradient", ImplicitRowSolver.ChooseRoute(60, 24, 3).ToString());
        var options = new TrainerOptions { Rank = 4, Iterations = 1, RankingRank = 24, RankingIterations = 3, RankingConjugateGradientSteps = 3 };

        var one = ModelTrainer.Train(ratings, options with { Threads = 1 }).Ranking!;
        foreach (int threads in new[] { 2, 4 })
        {
            var other = ModelTrainer.Train(ratings, options with { Threads = threads }).Ranking!;
            Assert.Equal(one.UserFactors.Data, other.UserFactors.Data);
            Assert.Equal(one.ItemFactors.Data, other.ItemFactors.Data);
        }
    }

    [Fact]
    public void Conjugate_gradient_training_lands_near_exact_training()
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 150, items: 400, perUser: 60, seed: 4);
        var options = new TrainerOptions { Rank = 4, Iterations = 1, RankingRank = 24, RankingIterations = 8, Threads = 1 };
        var exact = ModelTrainer.Train(ratings, options with { RankingConjugateGradientSteps = 0 }).Ranking!;
        var approximate = ModelTrainer.Train(ratings, options with { RankingConjugateGradientSteps = 3 }).Ranking!;

        // Compare what is used, the scores x_u . y_i, relative to their spread.
        var e = Scores(exact);
        var a = Scores(approximate);
        double spread = Math.Sqrt(e.Average(v => v * v));
        double difference = Math.Sqrt(e.Zip(a, (p, q) => (p - q) * (p - q)).Average());
        Assert.True(difference < 0.05 * spread, $"score difference {difference} against spread {spread}");
        Assert.NotEqual(exact.UserFactors.Data, approximate.UserFactors.Data); // the routes really differ
    }

    private static double[] Scores(RankingModel model)
    {
        var scores = new List<double>();
        for (int u = 0; u < model.UserFactors.Rows; u++)
            for (int i = 0; i < model.ItemFactors.Rows; i++)
                scores.Add(MovieRec.Core.Engine.Numerics.VectorMath.Dot(model.UserFactors.Row(u), model.ItemFactors.Row(i)));
        return scores.ToArray();
    }

    private static void AssertClose(Vector<double> expected, double[] actual, double relative)
    {
        double scale = Math.Max(0.1, expected.L2Norm()); // absolute near a zero solution
        double error = (Vector<double>.Build.DenseOfArray(actual) - expected).L2Norm();
        Assert.True(error <= relative * scale, $"error {error} against norm {scale}");
    }

    private sealed record Problem(FactorMatrix Y, int[] Rows, double[] Weights, double Lambda)
    {
        public static Problem Random(Random random, int rank, int items, int length, double lambda)
        {
            var y = new FactorMatrix(items, rank, Enumerable.Range(0, items * rank).Select(_ => random.NextDouble() - 0.5).ToArray());
            int[] rows = Enumerable.Range(0, items).OrderBy(_ => random.Next()).Take(length).Order().ToArray();
            double[] weights = rows.Select(_ => 0.5 + 4.5 * random.NextDouble()).ToArray(); // c - 1 = alpha r
            return new Problem(y, rows, weights, lambda);
        }

        public double[] Gram
        {
            get
            {
                var y = Matrix<double>.Build.DenseOfRowMajor(Y.Rows, Y.Rank, Y.Data);
                return (y.TransposeThisAndMultiply(y)).ToRowMajorArray();
            }
        }

        public Matrix<double> Matrix()
        {
            var a = Matrix<double>.Build.DenseOfRowMajor(Y.Rank, Y.Rank, Gram) + Matrix<double>.Build.DenseIdentity(Y.Rank) * Lambda;
            for (int n = 0; n < Rows.Length; n++)
            {
                var yn = Vector<double>.Build.DenseOfArray(Y.Row(Rows[n]).ToArray());
                a += yn.OuterProduct(yn) * Weights[n];
            }
            return a;
        }

        public Vector<double> RightHandSide()
        {
            var b = Vector<double>.Build.Dense(Y.Rank);
            for (int n = 0; n < Rows.Length; n++) b += Vector<double>.Build.DenseOfArray(Y.Row(Rows[n]).ToArray()) * (1 + Weights[n]);
            return b;
        }

        public Vector<double> Exact() => Matrix().Cholesky().Solve(RightHandSide());
    }
}
