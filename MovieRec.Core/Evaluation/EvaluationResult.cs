namespace MovieRec.Core.Evaluation;

/// <summary>
/// The figures of one system on one split. A figure that does not apply is null: RMSE and MAE of a
/// ranking-only model, top-N figures when no user has a relevant test item, TrainSeconds until the
/// caller (who did the training) sets it with a <c>with</c> expression.
/// </summary>
public sealed record EvaluationResult
{
    /// <summary>The evaluated model's <see cref="IEvaluatedModel.Name"/>.</summary>
    public required string Model { get; init; }

    /// <summary>Rows of the test file; RMSE and MAE are over every one of them.</summary>
    public int TestRows { get; init; }

    /// <summary>Users with at least one relevant test item: those the top-N figures average over.</summary>
    public int EvaluatedUsers { get; init; }

    public double? Rmse { get; init; }
    public double? Mae { get; init; }
    public double? PrecisionAt10 { get; init; }
    public double? RecallAt10 { get; init; }
    public double? NdcgAt10 { get; init; }
    public double? HitRateAt10 { get; init; }
    public double? Coverage { get; init; }
    public double? Novelty { get; init; }
    public double? Diversity { get; init; }
    public double? MeanTrainCount { get; init; }

    /// <summary>Training wall time; the evaluator never trains, so the caller sets it.</summary>
    public double? TrainSeconds { get; init; }

    /// <summary>Wall time of the whole top-N pass (scoring, selection and metrics), measured by the evaluator.</summary>
    public double? TopNSeconds { get; init; }
}
