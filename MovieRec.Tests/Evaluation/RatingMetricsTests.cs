using MovieRec.Core.Evaluation;

namespace MovieRec.Tests.Evaluation;

public class RatingMetricsTests
{
    private static readonly double[] Predicted = [3, 4, 5];
    private static readonly double[] Actual = [4, 4, 3];

    [Fact]
    public void Rmse_is_the_root_of_the_mean_squared_error()
    {
        // errors -1, 0, 2; squares 1 + 0 + 4 = 5; sqrt(5 / 3) = 1.2909944487358056
        Assert.Equal(1.2909944487358056, RatingMetrics.Rmse(Predicted, Actual), 1e-12);
    }

    [Fact]
    public void Mae_is_the_mean_absolute_error()
    {
        // |-1| + |0| + |2| = 3; 3 / 3 = 1
        Assert.Equal(1.0, RatingMetrics.Mae(Predicted, Actual), 1e-12);
    }

    [Fact]
    public void Perfect_predictions_have_no_error()
    {
        Assert.Equal(0.0, RatingMetrics.Rmse(Actual, Actual));
        Assert.Equal(0.0, RatingMetrics.Mae(Actual, Actual));
    }

    [Fact]
    public void Lengths_must_match_and_be_positive()
    {
        Assert.Throws<ArgumentException>(() => RatingMetrics.Rmse([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => RatingMetrics.Mae([], []));
    }
}
