using MovieRec.Core.Engine;
using MovieRec.Web.Cli.Progress;

namespace MovieRec.Web.Cli;

/// <summary>Training shown on a progress board: one task per model (rating, ranking), one step per iteration, with the last RMSE.</summary>
public static class TrainingProgress
{
    public static Action<IterationReport> On(IProgressBoard board, TrainerOptions options)
    {
        var tasks = new Dictionary<string, IProgressTask>();
        return report =>
        {
            int total = report.Model == ImplicitAls.CurveName ? options.RankingIterations : options.Iterations;
            lock (tasks)
            {
                if (!tasks.TryGetValue(report.Model, out var task))
                    tasks[report.Model] = task = board.Add($"training the {report.Model} model", total, "it");
                string note = report.ValidationRmse is { } validation
                    ? $"train RMSE {report.TrainRmse:F4}, validation RMSE {validation:F4}"
                    : $"train RMSE {report.TrainRmse:F4}";
                task.Report(report.Iteration, note);
            }
        };
    }
}
