using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

public class FoldInTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Folding_in_a_known_users_ratings_equals_the_trainers_user_step(bool svdPlusPlus)
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 120, items: 90, perUser: 15, seed: 3);
        var options = new TrainerOptions { Rank = 6, Iterations = 3, SvdPlusPlus = svdPlusPlus, RankingRank = 5, RankingIterations = 2, Threads = 1 };
        var model = ModelTrainer.Train(ratings, options);

        // The trainer's user step against the final Q (and, with SVD++, centred at z_u of the final y).
        var matrix = RatingMatrix.Build(ratings);
        var residuals = BiasEstimator.Residuals(matrix.ByUser, model.Biases, rowsAreUsers: true);
        var expected = new FactorMatrix(matrix.Users.Count, options.Rank);
        FactorMatrix? centres = null;
        if (svdPlusPlus)
        {
            centres = new FactorMatrix(matrix.Users.Count, options.Rank);
            for (int u = 0; u < matrix.Users.Count; u++)
            {
                var z = centres.Row(u);
                foreach (int j in matrix.ByUser.Columns(u))
                    for (int c = 0; c < z.Length; c++) z[c] += model.ImplicitItemFactors!.Row(j)[c];
                for (int c = 0; c < z.Length; c++) z[c] /= Math.Sqrt(matrix.ByUser.RowLength(u));
            }
        }
        ExplicitAls.SolveRows(matrix.ByUser, residuals, model.ItemFactors, expected, options, centres);

        foreach (int userId in new[] { 1, 17, 64, 120 })
        {
            var own = ratings.Where(r => r.UserId == userId).Select(r => (r.MovieId, (double)r.Value));
            var profile = FoldIn.Compute(model, own);
            int u = model.Users.IndexOf(userId);
            Assert.Equal(model.UserBias[u], profile.Bias, 12);
            for (int c = 0; c < options.Rank; c++)
                Assert.Equal(expected.Row(u)[c], profile.RatingVector![c], 6);
        }
    }

    [Fact]
    public void The_ranking_vector_of_a_fold_in_equals_the_implicit_user_step()
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 80, items: 60, perUser: 12, seed: 4);
        var options = new TrainerOptions { Rank = 4, Iterations = 2, RankingRank = 5, RankingIterations = 2, Threads = 1 };
        var model = ModelTrainer.Train(ratings, options);
        var ranking = model.Ranking!;

        int userId = 7;
        var own = ratings.Where(r => r.UserId == userId).OrderBy(r => r.MovieId).ToArray();
        var profile = FoldIn.Compute(model, own.Select(r => (r.MovieId, (double)r.Value)));

        // (Y^T Y + lambda I + sum (c - 1) y y^T) x = sum c y, solved densely and independently here.
        int k = ranking.Rank;
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, k, (r, c) => ranking.ItemGram[r * k + c] + (r == c ? ranking.Lambda : 0));
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(k);
        foreach (var r in own)
        {
            var y = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(ranking.ItemFactors.Row(model.Items.IndexOf(r.MovieId)).ToArray());
            double confidence = 1 + ranking.Alpha * Math.Pow(r.Value, options.RankingConfidenceExponent); // the default exponent
            a += (confidence - 1) * y.OuterProduct(y);
            b += confidence * y;
        }
        var expected = a.Solve(b);
        // Fold-in sums the outer products in single precision (a heavy rater's picks are mostly that sum): six digits.
        for (int c = 0; c < k; c++) Assert.Equal(expected[c], profile.RankingVector![c], 6);
    }

    [Fact]
    public void Movies_the_model_does_not_know_are_ignored_and_no_ratings_give_the_empty_profile()
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 30, items: 20, perUser: 8, seed: 1);
        var model = ModelTrainer.Train(ratings, new TrainerOptions { Rank = 3, Iterations = 1, RankingRank = 3, RankingIterations = 1 });

        Assert.Same(UserProfile.Empty, FoldIn.Compute(model, []));
        Assert.Same(UserProfile.Empty, FoldIn.Compute(model, [(999_999, 4.0)]));
        var withUnknown = FoldIn.Compute(model, [(1, 4.0), (999_999, 1.0)]);
        var without = FoldIn.Compute(model, [(1, 4.0)]);
        Assert.Equal(without.RatingVector, withUnknown.RatingVector);
        Assert.Equal(1, withUnknown.RatingCount);
    }
}
