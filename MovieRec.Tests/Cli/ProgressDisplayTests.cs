using Microsoft.Extensions.Configuration;
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
}
