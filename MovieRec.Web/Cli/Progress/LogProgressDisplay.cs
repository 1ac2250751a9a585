namespace MovieRec.Web.Cli.Progress;

/// <summary>
/// Progress as log lines at a readable pace: a task's report is written when at least
/// <see cref="Interval"/> has passed since its last line (or since it was added), and its last
/// step always is. A 32M training (seconds per iteration) logs every iteration; ml-latest-small's
/// twenty iterations in a fifth of a second log one line, not twenty lines that a fast fit would
/// otherwise wait on (each is formatted and written on the reporting thread).
/// </summary>
public sealed class LogProgressDisplay(ILogger<LogProgressDisplay> logger, TimeProvider time) : IProgressDisplay
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public Task<T> RunAsync<T>(Func<IProgressBoard, Task<T>> work) => work(new Board(logger, time));

    private sealed class Board(ILogger logger, TimeProvider time) : IProgressBoard
    {
        public IProgressTask Add(string description, double total, string unit) => new LogTask(logger, time, description, total, unit);
    }

    private sealed class LogTask(ILogger logger, TimeProvider time, string description, double total, string unit) : IProgressTask
    {
        private long _lastLine = time.GetTimestamp();

        public void Report(double value, string? note = null)
        {
            bool last = value >= total;
            if (!last && time.GetElapsedTime(Interlocked.Read(ref _lastLine)) < Interval) return;
            Interlocked.Exchange(ref _lastLine, time.GetTimestamp());
            logger.LogInformation("{Task}: {Value:N0} of {Total:N0} {Unit} ({Percent:F0} %){Note}", description, value, total, unit,
                total > 0 ? 100 * value / total : 100, note is null ? "" : ", " + note);
        }
    }
}
