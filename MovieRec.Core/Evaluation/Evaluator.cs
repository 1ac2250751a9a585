using System.Diagnostics;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Evaluation;

/// <summary>Runs the protocol of EVALUATION.md on one model: rating error over every test row, then top-10.</summary>
public static class Evaluator
{
    /// <summary>The length of the recommendation lists the protocol measures.</summary>
    public const int K = 10;

    /// <summary>
    /// Evaluates <paramref name="model"/> on <paramref name="data"/>. <paramref name="threads"/> caps the
    /// threads of the top-N pass (0 = one per processor); the figures do not depend on it.
    /// </summary>
    public static EvaluationResult Evaluate(EvaluationData data, IEvaluatedModel model, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);

        var result = new EvaluationResult
        {
            Model = model.Name,
            TestRows = data.TestRatings.Length,
            EvaluatedUsers = data.EvaluatedUsers.Count,
        };
        if (model.PredictsRatings && data.TestRatings.Length > 0)
            result = WithRatingErrors(result, data, model);

        var stopwatch = Stopwatch.StartNew();
        int[][] lists = TopNPass.Recommend(data, model, K, threads == 0 ? Environment.ProcessorCount : threads);
        if (lists.Length > 0)
            result = WithTopNFigures(result, data, lists);
        stopwatch.Stop();
        return result with { TopNSeconds = stopwatch.Elapsed.TotalSeconds };
    }

    // One thread, in file order: PredictRating need not be thread-safe, and the sums come out
    // the same on every run.
    private static EvaluationResult WithRatingErrors(EvaluationResult result, EvaluationData data, IEvaluatedModel model)
    {
        ReadOnlySpan<Rating> test = data.TestRatings;
        var predicted = new double[test.Length];
        var actual = new double[test.Length];
        for (int row = 0; row < test.Length; row++)
        {
            predicted[row] = data.Scale.Clip(model.PredictRating(test[row].UserId, test[row].MovieId));
            actual[row] = test[row].Value;
        }
        return result with
        {
            Rmse = RatingMetrics.Rmse(predicted, actual),
            Mae = RatingMetrics.Mae(predicted, actual),
        };
    }

    // Cheap next to the scoring, so done on one thread in user order: sums are reproducible to the bit.
    private static EvaluationResult WithTopNFigures(EvaluationResult result, EvaluationData data, int[][] lists)
    {
        IReadOnlyList<int> users = data.EvaluatedUsers;
        double precisionSum = 0, recallSum = 0, ndcgSum = 0;
        int usersWithHit = 0;
        for (int position = 0; position < users.Count; position++)
        {
            IReadOnlySet<int> relevant = data.RelevantMovies(users[position]);
            int[] list = lists[position];
            precisionSum += TopNMetrics.Precision(list, relevant, K);
            recallSum += TopNMetrics.Recall(list, relevant, K);
            ndcgSum += TopNMetrics.Ndcg(list, relevant, K);
            if (TopNMetrics.IsHit(list, relevant, K))
                usersWithHit++;
        }

        double userCount = users.Count;
        return result with
        {
            PrecisionAt10 = precisionSum / userCount,
            RecallAt10 = recallSum / userCount,
            NdcgAt10 = ndcgSum / userCount,
            HitRateAt10 = usersWithHit / userCount,
            Coverage = BeyondAccuracyMetrics.Coverage(lists, data.CatalogSize),
            Novelty = data.TrainUserCount > 0
                ? BeyondAccuracyMetrics.Novelty(lists, data.TrainCount, data.TrainUserCount)
                : null,
            Diversity = BeyondAccuracyMetrics.Diversity(
                lists.Select(list => (IReadOnlyList<IReadOnlySet<string>>)Array.ConvertAll(list, data.Genres))),
            MeanTrainCount = BeyondAccuracyMetrics.MeanTrainCount(lists, data.TrainCount),
        };
    }
}
