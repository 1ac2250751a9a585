using MovieRec.Core.Engine;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>Shows training progress: one structured log line per iteration of each model.</summary>
public static class TrainingLog
{
    public static Action<IterationReport> For(TrainerOptions options) => report =>
    {
        int total = report.Model == "ranking" ? options.RankingIterations : options.Iterations;
        if (report.ValidationRmse is { } validation)
            Log.Information("{Model} iteration {Iteration}/{Total}: train RMSE {TrainRmse:F4}, validation RMSE {ValidationRmse:F4} ({Seconds:F3} s)",
                report.Model, report.Iteration, total, report.TrainRmse, validation, report.Seconds);
        else
            Log.Information("{Model} iteration {Iteration}/{Total}: train RMSE {TrainRmse:F4} ({Seconds:F3} s)",
                report.Model, report.Iteration, total, report.TrainRmse, report.Seconds);
    };
}
