using MovieRec.Core.Ratings;

namespace MovieRec.Core.Import;

/// <summary>The rating scale of a dataset folder.</summary>
internal static class DatasetScale
{
    /// <summary>
    /// CSV datasets use half stars and ml-100k whole stars. The "::" format is shared by ml-1m (whole stars)
    /// and ml-10m (half stars); they are told apart by the files each ships: only ml-10m has tags.dat and
    /// only ml-1m has users.dat. When neither is there, the ratings themselves decide (any half star: ml-10m).
    /// </summary>
    public static RatingScale Of(DatasetFiles files) => files.Format switch
    {
        DatasetFormat.MovieLensCsv => RatingScale.HalfStars,
        DatasetFormat.MovieLens100k => RatingScale.WholeStars,
        _ when files.Tags is not null => RatingScale.HalfStars,
        _ when files.Users is not null => RatingScale.WholeStars,
        _ => RatingLayouts.ScaleOf(files.Ratings, RatingLayout.DoubleColon),
    };
}
