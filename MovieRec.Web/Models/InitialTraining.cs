using MovieRec.Core.Retraining;
using MovieRec.Web.Retraining;

namespace MovieRec.Web.Models;

/// <summary>
/// Trains the first model from the store when the app starts without a model file, so that a fresh
/// install gets personal picks without anyone running a command. The file is written atomically by
/// the retrain service (kept in the history and activated) under the store's retrain lock, which also records the run and its metrics; loading it is the reloader's job, like any other new file.
/// </summary>
public sealed class InitialTraining(RetrainCoordinator retraining, ModelSettings settings, ModelHolder holder, ILogger<InitialTraining> logger)
{
    /// <summary>Trains and writes the model file; returns whether a file was written.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        holder.SetTraining(new TrainingStatus(TrainingState.Running, "Training the first model from the store's ratings."));
        logger.LogInformation("No model file at {ModelPath}: training one from the store in the background; popular movies are served meanwhile", settings.Path);
        try
        {
            var request = new RetrainRequest(CsvPath: null, settings.Path, settings.TrainingOptions);
            var result = await retraining.RunAsync(request, "first run", cancellationToken: cancellationToken);
            if (!result.Written)
            {
                holder.SetTraining(new TrainingStatus(TrainingState.Failed, $"The trained model was refused: {result.Verdict.Reason}."));
                logger.LogWarning("The first model was not written: {Reason}", result.Verdict.Reason);
                return false;
            }
            holder.SetTraining(new TrainingStatus(TrainingState.Finished, $"Trained on {result.MergedRatings} ratings: {result.Verdict.Reason}."));
            logger.LogInformation("First model trained on {Ratings} ratings and written to {ModelPath}", result.MergedRatings, settings.Path);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            holder.SetTraining(new TrainingStatus(TrainingState.Failed, "Training was stopped by shutdown."));
            return false;
        }
        catch (Exception error)
        {
            holder.SetTraining(new TrainingStatus(TrainingState.Failed, $"Training failed: {error.Message}"));
            logger.LogError(error, "Training the first model failed; popular movies go on being served");
            return false;
        }
    }
}
