using MovieRec.Core.Storage;

namespace MovieRec.Web.Models.Experiments;

/// <summary>
/// Records what an A/B experiment needs while it runs: the picks each arm showed (impressions) and
/// what people then did with them (opened the movie's page, rated it). Outside an experiment it does
/// nothing. A failed record is logged and never fails the page or the rating it came with.
/// </summary>
public sealed class ExperimentRecorder(IMovieRecStore store, ModelHolder holder, ILogger<ExperimentRecorder> logger)
{
    public Task ShownAsync(ServedArm arm, int userId, IReadOnlyCollection<int> movieIds, CancellationToken cancellationToken) =>
        arm is { Experiment: { } experiment, Arm: { } name } && movieIds.Count > 0
            ? SafelyAsync("impressions", () => store.Experiments.RecordShownAsync(experiment, name, userId, movieIds, cancellationToken))
            : Task.CompletedTask;

    public Task OpenedAsync(int userId, int movieId, CancellationToken cancellationToken) =>
        holder.Candidate is { } candidate
            ? SafelyAsync("an opened pick", () => store.Experiments.RecordOpenedAsync(candidate.Version, userId, movieId, cancellationToken))
            : Task.CompletedTask;

    public Task RatedAsync(int userId, int movieId, double rating, CancellationToken cancellationToken) =>
        holder.Candidate is { } candidate
            ? SafelyAsync("a rated pick", () => store.Experiments.RecordRatedAsync(candidate.Version, userId, movieId, rating, cancellationToken))
            : Task.CompletedTask;

    private async Task SafelyAsync(string what, Func<Task> record)
    {
        try
        {
            await record();
        }
        catch (Exception error) when (error is StoreException or IOException or TimeoutException or InvalidOperationException
                                          or MongoDB.Driver.MongoException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning("Could not record {What} for the experiment ({Reason}); serving goes on", what, error.Message);
        }
    }
}
