using MovieRec.Core.Engine;
using MovieRec.Core.Evaluation;
using static MovieRec.Tests.Evaluation.TinyData;

namespace MovieRec.Tests.Evaluation;

public class BaselineModelTests
{
    [Fact]
    public void Most_popular_scores_by_number_of_train_ratings()
    {
        // movie 7: 3 ratings, movie 8: 1, movie 9: none
        var model = new MostPopularModel([R(1, 7, 1), R(2, 7, 5), R(3, 7, 3), R(1, 8, 4)]);
        var scores = new double[3];
        model.ScoreCandidates(42, [7, 8, 9], scores);

        Assert.Equal([3.0, 1.0, 0.0], scores);
        Assert.False(model.PredictsRatings);
        Assert.Throws<NotSupportedException>(() => model.PredictRating(1, 7));
    }

    // mu 3.5; users 10 -> +0.2, 20 -> -0.4; movies 100 -> +0.3, 200 -> -0.1
    private static BiasOnlyModel BiasModel() => new(
        new Biases(3.5, [0.2, -0.4], [0.3, -0.1]),
        new IdMap([10, 20]),
        new IdMap([100, 200]));

    [Theory]
    [InlineData(10, 100, 4.0)] // 3.5 + 0.2 + 0.3
    [InlineData(20, 200, 3.0)] // 3.5 - 0.4 - 0.1
    [InlineData(99, 200, 3.4)] // unknown user: 3.5 - 0.1
    [InlineData(20, 999, 3.1)] // unknown movie: 3.5 - 0.4
    [InlineData(99, 999, 3.5)] // both unknown: mu
    public void Bias_only_predicts_mu_plus_the_known_biases(int userId, int movieId, double expected)
    {
        Assert.Equal(expected, BiasModel().PredictRating(userId, movieId), 1e-12);
    }

    [Fact]
    public void Bias_only_scores_equal_its_predictions()
    {
        var scores = new double[3];
        BiasModel().ScoreCandidates(10, [100, 200, 999], scores);
        // 3.5 + 0.2 + {0.3, -0.1, unknown 0}
        Assert.Equal(4.0, scores[0], 1e-12);
        Assert.Equal(3.6, scores[1], 1e-12);
        Assert.Equal(3.7, scores[2], 1e-12);
    }
}
