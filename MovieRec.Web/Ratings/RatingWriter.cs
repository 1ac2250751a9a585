using System.Globalization;
using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models.Experiments;

namespace MovieRec.Web.Ratings;

/// <summary>What became of a rating sent by the page's form or the API.</summary>
public enum RatingWriteStatus
{
    Saved,
    InvalidValue,
    NoSuchMovie,
}

/// <param name="Previous">the rating it replaced, if any</param>
public sealed record RatingWrite(RatingWriteStatus Status, Movie? Movie, double Value, float? Previous)
{
    /// <summary>Why a value was refused, in the words both the page and the API show.</summary>
    public static string InvalidValueMessage(double value) =>
        $"A rating is one of 0.5, 1.0, ... 5.0; {value.ToString(CultureInfo.InvariantCulture)} is not.";
}

/// <summary>
/// The one way a person's rating is written or removed, for the star widget's form post and the
/// JSON API alike: the value rule, the movie check, the timestamp and the count of writes.
/// </summary>
public sealed class RatingWriter(IMovieRecStore store, TimeProvider time, MovieRecMetrics metrics, ExperimentRecorder experiment)
{
    /// <param name="via">"page" or "api", for the metrics</param>
    public async Task<RatingWrite> RateAsync(int userId, int movieId, double value, string via, CancellationToken cancellationToken)
    {
        if (!RatingValue.IsValid(value)) return new RatingWrite(RatingWriteStatus.InvalidValue, null, value, null);
        var movie = await store.Movies.GetAsync(movieId, cancellationToken);
        if (movie is null) return new RatingWrite(RatingWriteStatus.NoSuchMovie, null, value, null);
        var previous = await store.Ratings.UpsertAsync(new Rating(userId, movieId, (float)value, time.GetUtcNow().ToUnixTimeSeconds()), cancellationToken);
        metrics.RatingWritten("upsert", via);
        await experiment.RatedAsync(userId, movieId, value, cancellationToken);
        return new RatingWrite(RatingWriteStatus.Saved, movie, value, previous);
    }

    /// <summary>Removes the rating; returns the removed value, or null when there was none.</summary>
    public async Task<float?> RemoveAsync(int userId, int movieId, string via, CancellationToken cancellationToken)
    {
        var removed = await store.Ratings.DeleteAsync(userId, movieId, cancellationToken);
        if (removed is not null) metrics.RatingWritten("delete", via);
        return removed;
    }
}
