using MovieRec.Core.Import;
using MovieRec.Core.Storage;
using Microsoft.Extensions.Options;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.FirstRun;

/// <summary>
/// Makes a fresh install usable with nothing configured: a store with no movies is filled from the
/// MovieLens folder at Data:DatasetPath, which is downloaded first when it is missing. A store that
/// already holds movies is left alone, so a second start does no work here.
/// </summary>
public sealed class FirstRunSetup(IMovieRecStore store, IOptions<DataSettings> data, DatasetDownloader downloader, MovieRecCache cache, ILogger<FirstRunSetup> logger)
{
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        int movies = await store.Movies.CountAsync(cancellationToken);
        var lastImport = await store.Imports.LastAsync(cancellationToken);
        if (movies > 0 && lastImport is not { IsComplete: false })
        {
            logger.LogInformation("The {Provider} store holds {Movies} movies: no import needed", store.Provider, movies);
            return;
        }
        if (lastImport is { IsComplete: false })
            logger.LogWarning("The import of {Dataset} begun at {StartedAt} did not complete: importing again (rows already stored are kept)",
                lastImport.Dataset, lastImport.StartedAt);

        // An unfinished import is finished from the folder it began with, when that is still there.
        string datasetPath = lastImport is { IsComplete: false } && Directory.Exists(lastImport.Dataset)
            ? lastImport.Dataset
            : Path.GetFullPath(data.Value.DatasetPath);
        if (!Directory.Exists(datasetPath))
        {
            logger.LogInformation("The store is empty and there is no dataset at {DatasetPath} (setting Data:DatasetPath)", datasetPath);
            await downloader.DownloadAsync(datasetPath, cancellationToken);
        }

        logger.LogInformation("First run: importing the MovieLens dataset from {DatasetPath}", datasetPath);
        DatasetImportResult result;
        try
        {
            result = await DatasetImporter.ImportAsync(store, datasetPath, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is DatasetFormatException or UnrecognizedDatasetException or IOException or StoreValidationException)
        {
            throw new FirstRunException($"The dataset at {datasetPath} (setting Data:DatasetPath) could not be imported: {error.Message}", error);
        }
        cache.CatalogueChanged();
        logger.LogInformation("Imported {Movies} movies, {Users} users and {Ratings} ratings in {Seconds:F1} s",
            result.Movies, result.Users.Added, result.Ratings.Added, result.Elapsed.TotalSeconds);
    }
}
