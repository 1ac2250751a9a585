namespace MovieRec.Core.ModelHistory;

/// <summary>
/// Where accepted models are kept with their facts: a folder (data/models, or a folder every
/// instance shares) or MongoDB GridFS. Every instance reads the same repository, so any of them can
/// install the version the store names as active.
/// </summary>
public interface IModelRepository
{
    /// <summary>Where the models are, for messages and the admin page ("folder /srv/models", "GridFS bucket models").</summary>
    string Location { get; }

    /// <summary>Keeps the model file at <paramref name="modelFile"/> as version <c>facts.Version</c>, with its facts.</summary>
    Task AddAsync(string modelFile, ModelVersionFacts facts, CancellationToken cancellationToken = default);

    /// <summary>Every kept version, newest first.</summary>
    Task<IReadOnlyList<ModelVersionFacts>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The version's facts, or null when it is not kept.</summary>
    Task<ModelVersionFacts?> FindAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the version's model file to <paramref name="destination"/>, replacing it atomically
    /// (readers see the old file or the whole new one). Throws <see cref="ModelVersionNotFoundException"/> when it is not kept.
    /// </summary>
    Task CopyToAsync(string version, string destination, CancellationToken cancellationToken = default);

    /// <summary>Forgets the version (its file and facts); nothing happens when it is not kept.</summary>
    Task DeleteAsync(string version, CancellationToken cancellationToken = default);
}

/// <summary>A version that the history does not hold.</summary>
public sealed class ModelVersionNotFoundException(string version, string location)
    : InvalidOperationException($"there is no model version {version} in {location} (see `models list`)")
{
    public string Version { get; } = version;
}
