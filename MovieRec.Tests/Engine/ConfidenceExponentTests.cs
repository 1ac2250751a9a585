using MovieRec.Core.Engine;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The ranking model's confidence c_ui = 1 + alpha * r_ui^p: the same in training and in fold-in,
/// and p = 1 the linear confidence of Hu, Koren and Volinsky.
/// </summary>
public sealed class ConfidenceExponentTests
{
    [Theory]
    [InlineData(1.0, 0.5 * 4.5)]
    [InlineData(2.0, 0.5 * 4.5 * 4.5)]
    [InlineData(0.5, 0.5 * 2.1213203435596424)]
    [InlineData(0.0, 0.5)]
    public void Confidence_minus_one_is_alpha_times_the_rating_to_the_exponent(double exponent, double expected) =>
        Assert.Equal(expected, ImplicitAls.ConfidenceMinusOne(0.5, exponent, 4.5), 12);

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void Trained_and_folded_in_user_vectors_solve_the_dense_system_with_the_shaped_confidence(double exponent)
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 40, items: 30, perUser: 8, seed: 6);
        // Exact solves (no conjugate gradient), so the final user half-step is the dense solution.
        var options = new TrainerOptions
        {
            Rank = 3, Iterations = 2, NeighboursKept = 0, EaseItems = 0,
            RankingRank = 6, RankingLambda = 0.5, RankingIterations = 4, RankingConjugateGradientSteps = 0,
            RankingAlpha = 0.3, RankingConfidenceExponent = exponent,
        };
        var model = ModelTrainer.Train(ratings, options);

        ImplicitDenseReference.AssertTrainedAndFoldedInUserVectors(model, ratings, ridge: _ => options.RankingLambda,
            confidenceMinusOne: r => options.RankingAlpha * Math.Pow(r, exponent));
    }

    [Fact]
    public void A_confidence_exponent_out_of_range_is_refused()
    {
        var problems = TrainerOptionsValidator.Problems(new TrainerOptions { RankingConfidenceExponent = double.NaN });
        Assert.Contains(problems, p => p.Contains("ranking confidence exponent"));
    }
}
