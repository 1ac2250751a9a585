namespace MovieRec.Core.Evaluation;

/// <summary>Error of predicted ratings against the true ones. Callers clip predictions first.</summary>
public static class RatingMetrics
{
    /// <summary>Root mean squared error: sqrt(mean((predicted - actual)^2)).</summary>
    public static double Rmse(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        RequireSamePositiveLength(predicted, actual);
        double sumOfSquares = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double error = predicted[i] - actual[i];
            sumOfSquares += error * error;
        }
        return Math.Sqrt(sumOfSquares / predicted.Length);
    }

    /// <summary>Mean absolute error: mean(|predicted - actual|).</summary>
    public static double Mae(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        RequireSamePositiveLength(predicted, actual);
        double sumOfAbsolute = 0;
        for (int i = 0; i < predicted.Length; i++)
            sumOfAbsolute += Math.Abs(predicted[i] - actual[i]);
        return sumOfAbsolute / predicted.Length;
    }

    private static void RequireSamePositiveLength(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        if (predicted.Length != actual.Length)
            throw new ArgumentException($"{predicted.Length} predictions for {actual.Length} ratings");
        // An error over no ratings is undefined, not 0: the caller decides what to report instead.
        if (predicted.Length == 0)
            throw new ArgumentException("no ratings to measure the error over");
    }
}
