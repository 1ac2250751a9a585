using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Models.History;

/// <summary>
/// How a model came to be published: what produced it, the held-out figures its trainer measured,
/// and whether it becomes the active model.
/// </summary>
/// <param name="Source">"train", "retrain", "scheduled", "first run": shown in `models list` and on the admin page.</param>
/// <param name="HeldOutShare">The share of ratings held out of training (0 when none was).</param>
/// <param name="Activate">Make it the active version (every instance serves it) as well as keeping it.</param>
/// <param name="BiasOnlyRmse">Biases alone on the same slice, when measured.</param>
/// <param name="HeldOutNdcg">NDCG@10 on the held-out slice, when measured.</param>
/// <param name="Verdict">The gate's verdict, when one judged the model.</param>
public sealed record ModelPublication(
    string Source,
    double HeldOutShare,
    bool Activate,
    double? BiasOnlyRmse = null,
    double? HeldOutNdcg = null,
    string? Verdict = null);

/// <summary>
/// The one step every accepted model goes through (train, retrain, the scheduled retrain, the
/// first run's training): the model is written once, kept in the history with its facts, the
/// history is pruned to Model:Keep versions (never the active one nor the experiment's candidate),
/// and, when asked, the version is activated for every instance.
/// </summary>
public sealed class ModelPublisher(
    IModelRepository repository, ModelActivation activation, IServiceProvider services, ModelSettings settings, TimeProvider time,
    ILogger<ModelPublisher> logger)
{
    public string Location => repository.Location;

    public async Task<ModelVersionFacts> PublishAsync(ModelSnapshot model, ModelPublication publication, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(settings.Folder);
        string staged = Path.Combine(settings.Folder, $".publish-{Guid.NewGuid():N}.bin");
        try
        {
            await Task.Run(() => ModelFile.Write(model, staged), cancellationToken);
            return await PublishWrittenAsync(model, staged, publication, cancellationToken);
        }
        finally
        {
            if (File.Exists(staged)) File.Delete(staged);
        }
    }

    /// <summary>
    /// The same for a model the caller has just written to <paramref name="modelFile"/> (train's
    /// --output), which stays where it is: the history keeps a copy of that file, so the model is
    /// serialised and flushed to the disk once instead of twice.
    /// </summary>
    public async Task<ModelVersionFacts> PublishWrittenAsync(ModelSnapshot model, string modelFile, ModelPublication publication,
        CancellationToken cancellationToken = default)
    {
        var info = ModelFile.ReadInfo(modelFile);
        var facts = Describe(model, info, publication);
        await repository.AddAsync(modelFile, facts, cancellationToken);
        logger.LogInformation("Model version {Version} kept in {Location} ({Source}, held-out RMSE {Rmse})",
            facts.Version, repository.Location, facts.Source, facts.HeldOutRmse);
        if (publication.Activate)
            await activation.ActivateAsync(facts.Version, ModelActivation.Check.Checksum, cancellationToken);
        await PruneAsync(cancellationToken);
        return facts;
    }

    private ModelVersionFacts Describe(ModelSnapshot model, ModelFileInfo info, ModelPublication publication)
    {
        var created = time.GetUtcNow();
        return new ModelVersionFacts
        {
            Version = ModelVersionNames.For(created, info.Checksum),
            CreatedAt = created,
            Source = publication.Source,
            Checksum = info.Checksum,
            SizeBytes = info.SizeBytes,
            Users = info.UserCount,
            Movies = info.ItemCount,
            Ratings = model.Facts.RatingCount,
            HeldOutShare = publication.HeldOutShare,
            DataFingerprint = model.Facts.DataFingerprint,
            HeldOutRmse = Finite(model.Facts.PublishedHeldOutRmse),
            HeldOutAsServed = model.Facts.HeldOutRmseIsServed,
            BiasOnlyRmse = Finite(publication.BiasOnlyRmse),
            HeldOutNdcg = Finite(publication.HeldOutNdcg),
            Verdict = publication.Verdict,
            Options = model.Options,
        };
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>Removes the oldest versions beyond Model:Keep, sparing the active version and the experiment's candidate.</summary>
    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var kept = await repository.ListAsync(cancellationToken);
        if (kept.Count <= settings.Keep) return;
        var spared = new HashSet<string>(StringComparer.Ordinal);
        if (settings.Experiment is { } experiment) spared.Add(experiment.Candidate);
        if (await ActiveVersionAsync(cancellationToken) is { } active) spared.Add(active);
        foreach (var old in kept.Skip(settings.Keep).Where(v => !spared.Contains(v.Version)))
        {
            await repository.DeleteAsync(old.Version, cancellationToken);
            logger.LogInformation("Model version {Version} removed from the history (Model:Keep is {Keep})", old.Version, settings.Keep);
        }
    }

    private async Task<string?> ActiveVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await services.GetRequiredService<IMovieRecStore>().ActiveModel.GetAsync(cancellationToken))?.Version;
        }
        catch (StoreException)
        {
            return null; // no store to ask (train on a machine without one): nothing is spared but the newest
        }
    }
}
