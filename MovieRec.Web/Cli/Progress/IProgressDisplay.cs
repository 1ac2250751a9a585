using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MovieRec.Web.Cli.Progress;

/// <summary>
/// How a long command shows how far it has come: progress bars with rate and time left when
/// standard error is a terminal (<see cref="BarProgressDisplay"/>), else structured log lines
/// (<see cref="LogProgressDisplay"/>), which is what a pipe, a file or CI wants.
/// </summary>
public interface IProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a board to add tasks to; bars stay on screen until it ends.</summary>
    Task<T> RunAsync<T>(Func<IProgressBoard, Task<T>> work);
}

public interface IProgressBoard
{
    /// <param name="unit">what the value counts ("B" for bytes, "it" for iterations), shown with the rate</param>
    IProgressTask Add(string description, double total, string unit);
}

public interface IProgressTask
{
    /// <summary>Moves the task to <paramref name="value"/> of its total; <paramref name="note"/> is a short status such as "RMSE 0.84".</summary>
    void Report(double value, string? note = null);
}

/// <summary>Chooses the display by whether standard error is a terminal.</summary>
public static class ProgressDisplays
{
    public static IServiceCollection AddProgressDisplay(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LogProgressDisplay>();
        services.AddSingleton<IProgressDisplay>(provider => Console.IsErrorRedirected
            ? provider.GetRequiredService<LogProgressDisplay>()
            : new BarProgressDisplay());
        return services;
    }
}
