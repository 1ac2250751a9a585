namespace MovieRec.Core.Storage;

/// <summary>Which model version every instance serves, and since when.</summary>
public sealed record ActiveModelVersion(string Version, DateTimeOffset ActivatedAt);

/// <summary>
/// The active model version, recorded in the store so that every instance on it sees one answer:
/// an activation by any process (the command line, the admin page, a retrain) is picked up by each
/// instance's reloader at its next check. A single record, replaced in one write.
/// </summary>
public interface IActiveModelStore
{
    /// <summary>The active version, or null when none was ever activated (the file at Model:Path is served as it is).</summary>
    Task<ActiveModelVersion?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="version"/> the active one (the caller has checked that it loads).</summary>
    Task SetAsync(string version, CancellationToken cancellationToken = default);
}
