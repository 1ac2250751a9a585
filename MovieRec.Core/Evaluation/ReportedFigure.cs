using System.Globalization;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// One line of the report: its JSON key, its label in the console table, where to read it and how
/// to print it. The JSON and the table both walk <see cref="All"/>, so they cannot drift apart.
/// </summary>
public sealed record ReportedFigure(string JsonKey, string Label, Func<EvaluationResult, double?> Read, string TableFormat)
{
    /// <summary>The figures of a report, in the order of EVALUATION.md.</summary>
    public static IReadOnlyList<ReportedFigure> All { get; } =
    [
        new("rmse", "RMSE", r => r.Rmse, "F4"),
        new("mae", "MAE", r => r.Mae, "F4"),
        new("precision_at_10", "Precision@10", r => r.PrecisionAt10, "F4"),
        new("recall_at_10", "Recall@10", r => r.RecallAt10, "F4"),
        new("ndcg_at_10", "NDCG@10", r => r.NdcgAt10, "F4"),
        new("hit_rate_at_10", "HitRate@10", r => r.HitRateAt10, "F4"),
        new("coverage", "Coverage", r => r.Coverage, "F4"),
        new("novelty", "Novelty (bits)", r => r.Novelty, "F3"),
        new("diversity", "Diversity", r => r.Diversity, "F4"),
        new("mean_train_count", "Mean train count", r => r.MeanTrainCount, "F1"),
        new("train_seconds", "Train (s)", r => r.TrainSeconds, "F2"),
        new("topn_seconds", "Top-N pass (s)", r => r.TopNSeconds, "F2"),
    ];

    /// <summary>The value as the table shows it: "—" when the figure does not apply.</summary>
    public string FormatForTable(EvaluationResult result) =>
        Read(result) is double value ? value.ToString(TableFormat, CultureInfo.InvariantCulture) : "—";
}
