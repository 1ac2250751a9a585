using System.Runtime.InteropServices;

namespace MovieRec.Web.Cli;

/// <summary>
/// The processor time of the calling thread, in nanosecond steps, for benchmarks on a shared
/// machine (Process.TotalProcessorTime counts in 10 ms clock ticks on Linux). Linux only; 0
/// elsewhere.
/// </summary>
internal static partial class ThreadCpu
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

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0) return 0;
        return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
    }
}
