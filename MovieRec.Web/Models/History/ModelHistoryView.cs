using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Models.History;

/// <summary>A kept version as `models list` and the admin page show it: its facts, and whether it is active or the experiment's candidate.</summary>
public sealed record ModelVersionEntry(ModelVersionFacts Facts, bool IsActive, bool IsCandidate);

/// <summary>The history as the command line and the admin page read it, newest first, with the active version from the store.</summary>
public sealed class ModelHistoryView(IModelRepository repository, IMovieRecStore store, ModelSettings settings)
{
    public string Location => repository.Location;

    public async Task<IReadOnlyList<ModelVersionEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var versions = await repository.ListAsync(cancellationToken);
        var active = (await store.ActiveModel.GetAsync(cancellationToken))?.Version;
        string? candidate = settings.Experiment?.Candidate;
        return versions.Select(v => new ModelVersionEntry(v, v.Version == active, v.Version == candidate)).ToList();
    }

    public async Task<ActiveModelVersion?> ActiveAsync(CancellationToken cancellationToken = default) =>
        await store.ActiveModel.GetAsync(cancellationToken);
}
