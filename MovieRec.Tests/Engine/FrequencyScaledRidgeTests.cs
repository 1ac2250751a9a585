using MovieRec.Core.Engine;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The ranking model's frequency-scaled ridge (Rendle et al. 2022): a row with n ratings against
/// N fixed rows gets lambda (n + N)^nu, the same in training and in fold-in.
/// </summary>
public sealed class FrequencyScaledRidgeTests
{
    [Theory]
    [InlineData(0.0, 30.0)]
    [InlineData(1.0, 30.0 * 10)]
    [InlineData(0.5, 30.0 * 3.1622776601683795)]
    public void A_rows_ridge_is_lambda_times_its_ratings_plus_the_other_sides_rows_to_the_exponent(double exponent, double expected) =>
        Assert.Equal(expected, ImplicitAls.RowRidge(30, exponent, ratingCount: 3, otherSideRows: 7), 10);

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void Trained_and_folded_in_user_vectors_solve_the_dense_system_with_each_rows_own_ridge(double exponent)
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 40, items: 30, perUser: 8, seed: 5);
        // Exact solves (no conjugate gradient), so the final user half-step is the dense solution.
        var options = new TrainerOptions
        {
            Rank = 3, Iterations = 2, NeighboursKept = 0, EaseItems = 0,
            RankingRank = 6, RankingLambda = 0.05, RankingFrequencyExponent = exponent, RankingIterations = 4,
            RankingConjugateGradientSteps = 0, RankingAlpha = 0.5, RankingConfidenceExponent = 1,
        };
        var model = ModelTrainer.Train(ratings, options);

        ImplicitDenseReference.AssertTrainedAndFoldedInUserVectors(model, ratings,
            ridge: n => Math.Pow(n + model.Items.Count, exponent) * options.RankingLambda,
            confidenceMinusOne: r => options.RankingAlpha * r);
    }
}
