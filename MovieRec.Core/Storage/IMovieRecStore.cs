namespace MovieRec.Core.Storage;

/// <summary>
/// The app's persistent state: movies with their live rating statistics, user accounts,
/// ratings and each person's hidden movies and watch-list. One instance per process, safe for many concurrent
/// callers; open it with <see cref="MovieRecStoreFactory"/>.
/// </summary>
public interface IMovieRecStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "mongo": which implementation this is, for logs and diagnostics.</summary>
    string Provider { get; }

    IMovieStore Movies { get; }
    IUserStore Users { get; }
    IRatingStore Ratings { get; }

    /// <summary>Each person's hidden movies and watch-list.</summary>
    IPersonListStore PersonLists { get; }

    /// <summary>Each person's familiar/new step, favourite genres and first-steps state.</summary>
    IPersonSettingsStore PersonSettings { get; }

    /// <summary>Each person's version, changed by every write of their ratings, lists or settings (see <see cref="IPersonVersions"/>).</summary>
    IPersonVersions PersonVersions { get; }

    /// <summary>Whether the last dataset import completed (see <see cref="IImportLog"/>).</summary>
    IImportLog Imports { get; }

    /// <summary>Named leases that make work single-flight across processes (see <see cref="IStoreLocks"/>).</summary>
    IStoreLocks Locks { get; }

    /// <summary>The rating-write count and the retrain runs (see <see cref="IRetrainLog"/>).</summary>
    IRetrainLog Retrains { get; }

    /// <summary>The model version every instance serves.</summary>
    IActiveModelStore ActiveModel { get; }

    /// <summary>Impressions and outcomes of A/B experiments.</summary>
    IExperimentStore Experiments { get; }

    /// <summary>
    /// The store's own place for model files, when it has one that every instance reaches (MongoDB
    /// GridFS); null for SQLite, whose history is a folder.
    /// </summary>
    ModelHistory.IModelRepository? SharedModels { get; }

    /// <summary>
    /// Recomputes every movie's rating count and sum from the ratings themselves and returns how
    /// many movies had statistics that disagreed. A repair tool: the statistics are kept up to date
    /// by every rating write, but a crash between the two writes of a MongoDB rating update, or a
    /// hand edit of the data, can leave them off.
    /// </summary>
    Task<int> ReconcileStatisticsAsync(CancellationToken cancellationToken = default);
}
