using MovieRec.Core.Engine;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

public class BiasEstimatorTests
{
    // u1: m10 = 5, m20 = 3;  u2: m10 = 4.   mu = 12 / 3 = 4.
    private static readonly Rating[] Ratings = [new(1, 10, 5, 0), new(1, 20, 3, 0), new(2, 10, 4, 0)];

    [Fact]
    public void Sequential_biases_match_hand_computation()
    {
        var matrix = RatingMatrix.Build(Ratings);
        var biases = BiasEstimator.Estimate(matrix, BiasMode.Sequential, itemShrinkage: 1, userShrinkage: 2);

        // b_m10 = ((5-4) + (4-4)) / (1 + 2) = 1/3 ;  b_m20 = (3-4) / (1 + 1) = -1/2
        Assert.Equal(4.0, biases.Mu, 12);
        Assert.Equal(1.0 / 3, biases.Item[matrix.Items.IndexOf(10)], 12);
        Assert.Equal(-0.5, biases.Item[matrix.Items.IndexOf(20)], 12);
        // b_u1 = ((5-4-1/3) + (3-4+1/2)) / (2 + 2) = (2/3 - 1/2) / 4 = 1/24
        // b_u2 = (4-4-1/3) / (2 + 1) = -1/9
        Assert.Equal(1.0 / 24, biases.User[matrix.Users.IndexOf(1)], 12);
        Assert.Equal(-1.0 / 9, biases.User[matrix.Users.IndexOf(2)], 12);
    }

    [Fact]
    public void From_mu_user_biases_ignore_the_item_biases()
    {
        var matrix = RatingMatrix.Build(Ratings);
        var biases = BiasEstimator.Estimate(matrix, BiasMode.FromMu, itemShrinkage: 1, userShrinkage: 2);

        // b_u1 = ((5-4) + (3-4)) / (2 + 2) = 0 ;  b_u2 = (4-4) / (1 + 2) = 0
        Assert.Equal(0.0, biases.User[matrix.Users.IndexOf(1)], 12);
        Assert.Equal(0.0, biases.User[matrix.Users.IndexOf(2)], 12);
        Assert.Equal(1.0 / 3, biases.Item[matrix.Items.IndexOf(10)], 12);
    }

    [Fact]
    public void Unknown_terms_are_dropped_from_a_bias_prediction()
    {
        var biases = new Biases(3.5, [0.25], [-0.5]);
        Assert.Equal(3.25, biases.Predict(0, 0), 12);
        Assert.Equal(3.75, biases.Predict(0, -1), 12);
        Assert.Equal(3.0, biases.Predict(-1, 0), 12);
        Assert.Equal(3.5, biases.Predict(-1, -1), 12);
    }
}
