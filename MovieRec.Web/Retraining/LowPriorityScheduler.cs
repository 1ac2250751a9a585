using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MovieRec.Web.Retraining;

/// <summary>
/// A task scheduler with a few dedicated threads of lower priority, for training inside the app.
/// Work started on it stays on it: awaits inside capture it as TaskScheduler.Current, and the
/// trainer's Parallel loops use the current scheduler, so every training step runs on these threads
/// and the thread pool stays free for requests. The threads are BelowNormal (Windows and macOS) and,
/// on Linux, where .NET ignores ThreadPriority, run under the SCHED_IDLE policy (the kernel gives
/// them a core only when nothing else of normal priority wants it), falling back to nice 10 where
/// that is refused (about a tenth of a busy core's share then).
/// </summary>
public sealed class LowPriorityScheduler : TaskScheduler, IDisposable
{
    /// <summary>The niceness of training threads on Linux (0 is normal, 19 the lowest priority).</summary>
    public const int LinuxNiceness = 10;

    private readonly BlockingCollection<Task> _queue = new();
    private readonly Thread[] _threads;

    public LowPriorityScheduler(int threads, string name = "MovieRec training")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (int n = 0; n < threads; n++)
        {
            _threads[n] = new Thread(Work) { IsBackground = true, Name = $"{name} {n + 1}", Priority = ThreadPriority.BelowNormal };
            _threads[n].Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Whether the Linux niceness was applied to the threads (false elsewhere, or where the call is refused).</summary>
    public bool NicenessApplied { get; private set; }

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Inline only on our own threads: a task queued here must never run on a request thread.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Array.IndexOf(_threads, Thread.CurrentThread) >= 0 && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        NicenessApplied = LowerLinuxPriority();
        foreach (var task in _queue.GetConsumingEnumerable())
            TryExecuteTask(task);
    }

    private static bool LowerLinuxPriority()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // Both act on the calling thread alone on Linux (pid 0 / its thread id) and need no
            // privilege: a thread may always lower its own priority.
            var none = new SchedulingParameter();
            bool idle = sched_setscheduler(0, SchedIdle, ref none) == 0;
            bool nice = setpriority(0, gettid(), LinuxNiceness) == 0;
            return idle || nice;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int SchedIdle = 5;

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedulingParameter
    {
        public int Priority;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setscheduler(int pid, int policy, ref SchedulingParameter parameter);

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int priority);

    [DllImport("libc")]
    private static extern int gettid();

    public void Dispose() => _queue.CompleteAdding();
}
