using System.Collections.Concurrent;

namespace MovieRec.Core.Engine;

/// <summary>
/// Scratch objects (row solvers and their buffers) kept for reuse by the parallel passes of one
/// fit (<see cref="ParallelRows"/>): a thread takes one, or a new one when none is free, and
/// gives it back when its share of the pass is done. A row's result never depends on which
/// scratch it was solved with, so reuse changes no result.
/// </summary>
internal sealed class ScratchPool<T>(Func<T> create) where T : class
{
    private readonly ConcurrentBag<T> _free = [];

    public T Take() => _free.TryTake(out var scratch) ? scratch : create();

    public void Return(T scratch) => _free.Add(scratch);
}
