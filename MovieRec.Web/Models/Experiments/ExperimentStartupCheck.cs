using MovieRec.Core.ModelHistory;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Models.Experiments;

/// <summary>
/// Refuses to start the web app when Model:Experiment:Candidate names a version the history does
/// not hold: an experiment that silently served everyone the active model would count nothing and
/// look like a tie. Runs once the store is open (the history may be in it).
/// </summary>
public static class ExperimentStartupCheck
{
    public static async Task EnsureCandidateIsKeptAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services.GetRequiredService<ModelSettings>().Experiment is not { } experiment) return;
        var repository = services.GetRequiredService<IModelRepository>();
        if (await repository.FindAsync(experiment.Candidate, cancellationToken) is null)
            throw new SettingsException(
                $"Model:Experiment:Candidate names version {experiment.Candidate}, which is not in {repository.Location} (see `models list`).",
                new ModelVersionNotFoundException(experiment.Candidate, repository.Location));
    }
}
