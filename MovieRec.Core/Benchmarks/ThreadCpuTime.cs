using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MovieRec.Core.Benchmarks;

/// <summary>
/// The CPU time the calling thread has used, in nanoseconds (Linux: clock_gettime with
/// CLOCK_THREAD_CPUTIME_ID). On a machine shared with other work, a call's wall time includes
/// every slice the scheduler gave to someone else; its CPU time does not, so the benchmarks print
/// both. Elsewhere it falls back to wall time (<see cref="IsCpuTime"/> says which).
/// </summary>
public static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Nanoseconds of CPU time of this thread so far (of wall time where that cannot be read).</summary>
    public static long Now()
    {
        if (IsCpuTime && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0) return time.Seconds * 1_000_000_000 + time.Nanoseconds;
        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }
}
