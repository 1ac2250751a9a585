using System.Diagnostics;

namespace MovieRec.Tests.Helpers;

/// <summary>
/// Waits for something a background part (a hosted service, a file watcher, another process, the
/// page's script) makes true in its own time. The bound is generous because CI shares two loaded
/// cores: a passing test returns as soon as the condition holds, so only a failing one waits it out.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits for a background change before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The condition is polled: most of these parts (another process, a file watcher) have no event to wait on.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws naming <paramref name="what"/> when it never does.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var limit = patience ?? Patience;
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > limit) throw new TimeoutException($"{what}: still not so after {limit.TotalSeconds:0} s");
            await Task.Delay(Pause);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? patience = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, patience);
}
