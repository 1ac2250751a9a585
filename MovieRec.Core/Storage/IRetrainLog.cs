namespace MovieRec.Core.Storage;

/// <summary>
/// What the store remembers about retraining, shared by every instance and kept across restarts:
/// a count of rating writes (the "after N new ratings" trigger compares it with the count a
/// retrain started at) and the runs themselves, newest first, for the administrator page.
/// </summary>
public interface IRetrainLog
{
    /// <summary>
    /// How many ratings people have stored or changed since the store was created: every
    /// <see cref="IRatingStore.UpsertAsync"/> adds one in the same write (imports do not count:
    /// a bulk load is followed by its own retrain). It only grows.
    /// </summary>
    Task<long> RatingWritesAsync(CancellationToken cancellationToken = default);

    Task RecordAsync(RetrainRun run, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="count"/> runs, the most recently started first.</summary>
    Task<IReadOnlyList<RetrainRun>> RecentAsync(int count, CancellationToken cancellationToken = default);
}
