using Microsoft.Extensions.Time.Testing;

namespace MovieRec.Tests.Helpers;

/// <summary>
/// A fake clock that counts the timers made on it. A background loop waits with
/// Task.Delay(span, clock), which makes a timer from now; a test that moves the clock before the
/// loop has made its timer moves time under a loop that is not waiting yet (the loop starts on a
/// pool thread, late on a loaded machine), and the wait then ends later than the test expects. So
/// the test waits until the loop has armed its n-th timer, then advances.
/// </summary>
public sealed class TimerCountingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    public int TimersMade => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }

    /// <summary>Waits until <paramref name="count"/> timers in all have been made on this clock.</summary>
    public Task WaitForTimersAsync(int count) =>
        Eventually.HoldsAsync(() => TimersMade >= count, $"{TimersMade} of {count} timers armed on the fake clock");
}
