using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Models.History;

/// <summary>
/// Keeps this instance's Model:Path in step with the version the store names as active, so that an
/// activation made anywhere (another instance, the command line, a retrain on the training node)
/// is served here too: when the store's active version changes, the version is copied from the
/// history over Model:Path (atomically) and the reloader loads it like any new file.
/// At start-up a file at Model:Path that the history does not know (put there by hand, as before
/// the history existed) is left serving until the next activation; an older version is replaced.
/// </summary>
public sealed class ActiveVersionFollower(
    IMovieRecStore store, IModelRepository repository, ModelSettings settings, ILogger<ActiveVersionFollower> logger)
{
    private string? _followed;

    /// <summary>The active version as this instance last saw it in the store, or null before the first activation.</summary>
    public string? ActiveVersion => _followed;

    /// <summary>Copies the active version over Model:Path when it changed; true when the file was replaced.</summary>
    public async Task<bool> FollowAsync(CancellationToken cancellationToken)
    {
        var active = await store.ActiveModel.GetAsync(cancellationToken);
        if (active is null || active.Version == _followed) return false;
        bool first = _followed is null;
        var facts = await repository.FindAsync(active.Version, cancellationToken);
        if (facts is null)
        {
            logger.LogWarning("The active model version {Version} is not in {Location}; the model file at {ModelPath} keeps serving",
                active.Version, repository.Location, settings.Path);
            _followed = active.Version;
            return false;
        }
        string? local = LocalChecksum();
        _followed = active.Version;
        if (local == facts.Checksum) return false;
        if (first && local is not null && !await IsKeptAsync(local, cancellationToken))
        {
            logger.LogWarning("The model file at {ModelPath} is not a version of the history (placed by hand?): it keeps serving until the next activation " +
                              "(the active version is {Version})", settings.Path, active.Version);
            return false;
        }
        await repository.CopyToAsync(active.Version, settings.Path, cancellationToken);
        logger.LogInformation("Model version {Version} became active: copied from {Location} to {ModelPath}", active.Version, repository.Location, settings.Path);
        return true;
    }

    private string? LocalChecksum()
    {
        try
        {
            return File.Exists(settings.Path) ? ModelFile.ReadInfo(settings.Path).Checksum : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // a damaged file: replacing it is right
        }
    }

    private async Task<bool> IsKeptAsync(string checksum, CancellationToken cancellationToken) =>
        (await repository.ListAsync(cancellationToken)).Any(v => v.Checksum == checksum);
}
