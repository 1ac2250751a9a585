namespace MovieRec.Core.Evaluation;

/// <summary>
/// What the evaluator needs of a system under test (EVALUATION.md). Ids are MovieLens ids, not
/// dense indices, so that every model is asked the same questions whatever its internal layout.
/// </summary>
public interface IEvaluatedModel
{
    /// <summary>A short name for reports and logs.</summary>
    string Name { get; }

    /// <summary>False for ranking-only systems (most popular): RMSE and MAE are then reported as null.</summary>
    bool PredictsRatings { get; }

    /// <summary>
    /// The raw predicted rating; the evaluator clips it to the data's scale. A user or movie the
    /// model does not know must still get a prediction (drop the missing terms), because the
    /// protocol never skips a test row. Called from one thread at a time.
    /// </summary>
    double PredictRating(int userId, int movieId);

    /// <summary>
    /// Writes a score for each of <paramref name="movieIds"/> into the same position of
    /// <paramref name="scores"/>; higher is better. Only the order matters. Called for several
    /// users at once from different threads, so implementations must be thread-safe.
    /// </summary>
    void ScoreCandidates(int userId, ReadOnlySpan<int> movieIds, Span<double> scores);
}
