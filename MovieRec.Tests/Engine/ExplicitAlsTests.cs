using MovieRec.Core.Engine;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

public class ExplicitAlsTests
{
    [Fact]
    public void One_iteration_on_a_tiny_case_matches_hand_computation()
    {
        // u1: m10 = 5, m20 = 3;  u2: m10 = 4.  mu = 4. Shrinkage 0:
        //   b_m10 = (1 + 0) / 2 = 0.5, b_m20 = -1 / 1 = -1
        //   b_u1 = ((5-4-0.5) + (3-4+1)) / 2 = 0.25, b_u2 = (4-4-0.5) / 1 = -0.5
        // residuals e = r - mu - b_u - b_i: e(u1,m10) = 0.25, e(u1,m20) = -0.25, e(u2,m10) = 0
        Rating[] ratings = [new(1, 10, 5, 0), new(1, 20, 3, 0), new(2, 10, 4, 0)];
        var options = new TrainerOptions
        {
            Rank = 1, Lambda = 1, WeightedLambda = false, ItemBiasShrinkage = 0, UserBiasShrinkage = 0,
            Iterations = 1, Threads = 1, Ranking = false,
        };
        var matrix = RatingMatrix.Build(ratings);
        var biases = BiasEstimator.Estimate(matrix, options.BiasMode, 0, 0);
        var start = new FactorMatrix(2, 1, [1.0, 2.0]); // q_m10 = 1, q_m20 = 2

        var factors = ExplicitAls.Fit(matrix, biases, options, null, null, start);

        // user step: p1 = (1*0.25 + 2*(-0.25)) / (1 + 4 + 1) = -1/24 ;  p2 = (1*0) / (1 + 1) = 0
        // (X^T X is summed in single precision, GramAccumulator: about 7 significant digits.)
        double p1 = -1.0 / 24;
        Assert.Equal(p1, factors.UserFactors.Row(0)[0], 1e-9);
        Assert.Equal(0.0, factors.UserFactors.Row(1)[0], 1e-9);
        // item step: q_m10 = (p1*0.25 + p2*0) / (p1^2 + p2^2 + 1) ;  q_m20 = (p1*(-0.25)) / (p1^2 + 1)
        Assert.Equal(p1 * 0.25 / (p1 * p1 + 1), factors.ItemFactors.Row(0)[0], 1e-9);
        Assert.Equal(-p1 * 0.25 / (p1 * p1 + 1), factors.ItemFactors.Row(1)[0], 1e-9);
    }

    [Fact]
    public void Training_does_not_depend_on_the_thread_count()
    {
        var ratings = SyntheticRatings(users: 300, items: 200, perUser: 25, seed: 5);
        var options = new TrainerOptions { Rank = 8, Iterations = 4, RankingRank = 6, RankingIterations = 3, SvdPlusPlus = true };

        var one = ModelTrainer.Train(ratings, options with { Threads = 1 });
        var two = ModelTrainer.Train(ratings, options with { Threads = 2 });
        var four = ModelTrainer.Train(ratings, options with { Threads = 4 });

        foreach (var other in new[] { two, four })
        {
            Assert.Equal(one.UserFactors.Data, other.UserFactors.Data);
            Assert.Equal(one.ItemFactors.Data, other.ItemFactors.Data);
            Assert.Equal(one.ImplicitItemFactors!.Data, other.ImplicitItemFactors!.Data);
            Assert.Equal(one.Ranking!.UserFactors.Data, other.Ranking!.UserFactors.Data);
            Assert.Equal(one.Ranking.ItemGram, other.Ranking.ItemGram);
        }
    }

    [Fact]
    public void A_different_seed_gives_different_factors()
    {
        var ratings = SyntheticRatings(users: 100, items: 80, perUser: 20, seed: 2);
        var options = new TrainerOptions { Rank = 4, Iterations = 2, Ranking = false };
        var a = ModelTrainer.Train(ratings, options with { Seed = 1 });
        var b = ModelTrainer.Train(ratings, options with { Seed = 2 });
        Assert.NotEqual(a.ItemFactors.Data, b.ItemFactors.Data);
    }

    [Fact]
    public void The_training_error_falls_on_data_from_a_low_rank_model()
    {
        var ratings = SyntheticRatings(users: 200, items: 150, perUser: 40, seed: 9);
        var curve = new List<IterationReport>();
        ModelTrainer.Train(ratings, new TrainerOptions { Rank = 3, Lambda = 0.01, Iterations = 8, Ranking = false }, report: curve.Add);

        Assert.Equal(8, curve.Count);
        // ALS lowers the regularised objective at every step, not necessarily the plain RMSE, so
        // this asserts the overall fall: to about the noise of the data (uniform +-0.15 plus
        // rounding to half stars, an RMSE near 0.17).
        Assert.True(curve[^1].TrainRmse < 0.6 * curve[0].TrainRmse, $"train RMSE went {curve[0].TrainRmse} -> {curve[^1].TrainRmse}");
        Assert.True(curve[^1].TrainRmse < 0.25, $"final train RMSE {curve[^1].TrainRmse}");
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_option_named()
    {
        Rating[] ratings = [new(1, 1, 4, 0)];
        var error = Assert.Throws<ArgumentException>(() => ModelTrainer.Train(ratings, new TrainerOptions { Lambda = 0 }));
        Assert.Contains("lambda", error.Message);
        error = Assert.Throws<ArgumentException>(() => ModelTrainer.Train(ratings, new TrainerOptions { Rank = 0 }));
        Assert.Contains("rank", error.Message);
    }

    /// <summary>Ratings from a hidden rank-3 model plus noise, rounded to half stars.</summary>
    internal static Rating[] SyntheticRatings(int users, int items, int perUser, int seed)
    {
        var random = new Random(seed);
        double[][] userTaste = Enumerable.Range(0, users).Select(_ => new[] { random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5 }).ToArray();
        double[][] itemTrait = Enumerable.Range(0, items).Select(_ => new[] { random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1 }).ToArray();
        var ratings = new List<Rating>();
        for (int u = 0; u < users; u++)
        {
            foreach (int i in Enumerable.Range(0, items).OrderBy(_ => random.Next()).Take(perUser))
            {
                double value = 3.5 + 2 * (userTaste[u][0] * itemTrait[i][0] + userTaste[u][1] * itemTrait[i][1] + userTaste[u][2] * itemTrait[i][2])
                               + (random.NextDouble() - 0.5) * 0.3;
                double stars = Math.Clamp(Math.Round(value * 2) / 2, 0.5, 5);
                ratings.Add(new Rating(u + 1, i + 1, (float)stars, 0));
            }
        }
        return ratings.ToArray();
    }
}
