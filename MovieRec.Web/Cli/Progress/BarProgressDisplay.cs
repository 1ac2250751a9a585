using Spectre.Console;
using Spectre.Console.Rendering;

namespace MovieRec.Web.Cli.Progress;

/// <summary>Spectre.Console progress bars on standard error (standard output stays the command's report): bar, percentage, rate, time left.</summary>
public sealed class BarProgressDisplay(IAnsiConsole console) : IProgressDisplay
{
    public BarProgressDisplay() : this(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })) { }

    /// <summary>Each task's unit, for the rate column.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProgressTask, string> _units = new();

    public Task<T> RunAsync<T>(Func<IProgressBoard, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(_units), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new Board(context, _units)));

    private sealed class Board(ProgressContext context, System.Runtime.CompilerServices.ConditionalWeakTable<ProgressTask, string> units) : IProgressBoard
    {
        public IProgressTask Add(string description, double total, string unit)
        {
            var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
            units.AddOrUpdate(task, unit);
            return new BarTask(task, description);
        }
    }

    private sealed class BarTask(ProgressTask task, string description) : IProgressTask
    {
        public void Report(double value, string? note = null)
        {
            task.Value = value;
            task.Description = Markup.Escape(note is null ? description : $"{description} ({note})");
        }
    }

    /// <summary>The task's speed in its own unit: MB/s for bytes, it/s for iterations.</summary>
    private sealed class RateColumn(System.Runtime.CompilerServices.ConditionalWeakTable<ProgressTask, string> units) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            string unit = units.TryGetValue(task, out var known) ? known : "";
            if (task.Speed is not { } speed) return new Text("");
            return new Text(unit == "B" ? $"{speed / 1e6:F1} MB/s" : $"{speed:N1} {unit}/s");
        }
    }
}
