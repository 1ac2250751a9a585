using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using MovieRec.Tests.Helpers;
using MovieRec.Web.Cli.Progress;
using Spectre.Console;

namespace MovieRec.Tests.Cli;

/// <summary>Long commands show how far they are: bars with rate and time left on a terminal, log lines otherwise.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ProgressDisplayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Without_a_terminal_import_progress_comes_as_log_lines()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = Path.Combine(_folder, "movierec.db"),
        }).Build();
        var (exit, _, error) = ConsoleCapture.RunWith(settings, "import", "--dataset", TestPaths.Fixture("ml-latest-tiny"));
        Assert.True(exit == 0, error);
        Assert.Matches(@"reading ratings\.csv: [\d,]+ of [\d,]+ B \(100 %\), [\d,]+ rows", error);
    }

    [Fact]
    public async Task On_a_terminal_bars_show_percentage_rate_and_time_left()
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        var display = new BarProgressDisplay(console);
        int result = await display.RunAsync(async board =>
        {
            var task = board.Add("training the rating model", 4, "it");
            for (int iteration = 1; iteration <= 4; iteration++)
            {
                await Task.Delay(120);
                task.Report(iteration, $"train RMSE 0.{90 - iteration}");
            }
            return 42;
        });
        Assert.Equal(42, result);
        string shown = screen.ToString();
        Assert.Contains("training the rating model (train RMSE 0.86)", shown);
        Assert.Contains("100%", shown);
        Assert.Matches(@"\d+\.\d it/s", shown);
        Assert.Contains("00:00:00", shown);
    }

    [Fact]
    public async Task Log_lines_come_at_most_once_a_second_per_task_and_the_last_step_always()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var logger = new CapturingLogger<LogProgressDisplay>();
        var display = new LogProgressDisplay(logger, time);
        await display.RunAsync(board =>
        {
            var task = board.Add("training the rating model", 20, "it");
            for (int iteration = 1; iteration <= 20; iteration++)
            {
                // Iterations 1-5 take 0.1 s each (too fast to log), then 0.5 s each.
                time.Advance(TimeSpan.FromMilliseconds(iteration <= 5 ? 100 : 500));
                task.Report(iteration, $"train RMSE {iteration}");
            }
            return Task.FromResult(0);
        });
        var lines = logger.Entries.Select(entry => entry.Message).ToList();
        // Iteration 6 ends at 1.0 s, the first second since the task was added; then every second, which the 20th also ends.
        Assert.Equal(
            new[] { 6, 8, 10, 12, 14, 16, 18, 20 }.Select(i => $"training the rating model: {i} of 20 it ({100 * i / 20} %), train RMSE {i}"),
            lines);
    }
}
