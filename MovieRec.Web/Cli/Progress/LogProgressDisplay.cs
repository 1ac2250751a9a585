namespace MovieRec.Web.Cli.Progress;

/// <summary>Progress as log lines: one per report, which the callers already make at a readable pace (every 64K rows, every iteration).</summary>
public sealed class LogProgressDisplay(ILogger<LogProgressDisplay> logger) : IProgressDisplay
{
    public Task<T> RunAsync<T>(Func<IProgressBoard, Task<T>> work) => work(new Board(logger));

    private sealed class Board(ILogger logger) : IProgressBoard
    {
        public IProgressTask Add(string description, double total, string unit) => new LogTask(logger, description, total, unit);
    }

    private sealed class LogTask(ILogger logger, string description, double total, string unit) : IProgressTask
    {
        public void Report(double value, string? note = null) =>
            logger.LogInformation("{Task}: {Value:N0} of {Total:N0} {Unit} ({Percent:F0} %){Note}", description, value, total, unit,
                total > 0 ? 100 * value / total : 100, note is null ? "" : ", " + note);
    }
}
