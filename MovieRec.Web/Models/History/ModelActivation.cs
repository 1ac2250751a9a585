using Microsoft.Extensions.Options;
using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Models.History;

/// <summary>A version that cannot become the active one; the active version stays.</summary>
public sealed class ModelActivationRefusedException(string message, Exception? inner = null) : InvalidOperationException(message, inner);

/// <summary>
/// Makes a kept version the active one, for every instance: the version is copied out of the
/// history beside Model:Path and must load there (checksum, shapes, every value) before anything
/// changes; then the store records it as active (each instance's reloader follows the store) and
/// the copy is renamed over Model:Path (this machine's watcher loads it at once). A version that
/// fails to load is refused and the active one stays, in the store and in the file.
/// </summary>
public sealed class ModelActivation(
    IModelRepository repository, IServiceProvider services, ModelSettings settings, IOptions<ModelLoadingOptions> loading, ILogger<ModelActivation> logger)
{
    /// <summary>How much of a version is checked before it becomes active.</summary>
    public enum Check
    {
        /// <summary>Load it whole, as the reloader will (a rollback to a file that may have aged badly).</summary>
        Load,

        /// <summary>Hash it without allocating its arrays (a model just written by this process).</summary>
        Checksum,
    }

    public async Task<ModelVersionFacts> ActivateAsync(string version, Check check = Check.Load, CancellationToken cancellationToken = default)
    {
        ModelVersionNames.Require(version);
        var facts = await repository.FindAsync(version, cancellationToken) ?? throw new ModelVersionNotFoundException(version, repository.Location);
        Directory.CreateDirectory(settings.Folder);
        string staged = Path.Combine(settings.Folder, $".activate-{version}-{Guid.NewGuid():N}.bin");
        try
        {
            await repository.CopyToAsync(version, staged, cancellationToken);
            await Task.Run(() => Verify(staged, facts, check), cancellationToken);
            await services.GetRequiredService<IMovieRecStore>().ActiveModel.SetAsync(version, cancellationToken);
            File.Move(staged, settings.Path, overwrite: true);
            logger.LogInformation("Model version {Version} is now active (copied to {ModelPath})", version, settings.Path);
            return facts;
        }
        finally
        {
            if (File.Exists(staged)) File.Delete(staged);
        }
    }

    private void Verify(string staged, ModelVersionFacts facts, Check check)
    {
        try
        {
            string checksum = check == Check.Load
                ? LoadChecksum(staged)
                : ModelFile.ReadInfo(staged, verifyChecksum: true).Checksum;
            if (checksum != facts.Checksum)
                throw new InvalidDataException($"the file's checksum {checksum[..12]} is not the one recorded for it ({facts.Checksum[..12]})");
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or OutOfMemoryException)
        {
            // ModelFileException is an IOException: a damaged, truncated or foreign file lands here.
            logger.LogWarning("Model version {Version} refused: {Reason}", facts.Version, error.Message);
            throw new ModelActivationRefusedException($"model version {facts.Version} does not load ({error.Message}); the active version stays", error);
        }
    }

    private string LoadChecksum(string staged)
    {
        // Read checks the checksum, every length and every value, as the reloader's load does.
        ModelFile.Read(staged, loading.Value.EffectiveMaxFileBytes, out var info);
        return info.Checksum;
    }
}
