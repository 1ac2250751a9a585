namespace MovieRec.Core.Storage;

/// <summary>
/// The marker that makes a dataset import one unit across restarts: it is written before the
/// first row and completed after the last. A store whose last import is not complete holds part
/// of a dataset; the app redoes that import at start (imports are idempotent, so rows already
/// stored are kept and the rest are added) instead of serving the fragment.
/// </summary>
public interface IImportLog
{
    /// <summary>The last import begun, or null when nothing was ever imported.</summary>
    Task<ImportState?> LastAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that an import of <paramref name="dataset"/> starts (replacing any earlier marker).</summary>
    Task BeginAsync(string dataset, CancellationToken cancellationToken = default);

    /// <summary>Records that the import begun last has stored every row.</summary>
    Task CompleteAsync(CancellationToken cancellationToken = default);
}

/// <summary>An import's marker: what was imported, when it began and, once every row is in, when it completed.</summary>
public sealed record ImportState(string Dataset, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    public bool IsComplete => CompletedAt is not null;
}
