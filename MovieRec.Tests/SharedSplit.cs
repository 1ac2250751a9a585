using MovieRec.Core.Catalog;
using MovieRec.Core.Import;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests;

/// <summary>
/// The shared split of EVALUATION.md, read once per test run through the real importers:
/// train.csv, test.csv and ml-latest-small's movies.csv.
/// </summary>
public static class SharedSplit
{
    private static readonly Lazy<Rating[]> TrainRatings = new(() => Read("train.csv"));
    private static readonly Lazy<Rating[]> TestRatings = new(() => Read("test.csv"));
    private static readonly Lazy<Movie[]> CatalogMovies =
        new(() => MovieFileReader.Read(Path.Combine(TestPaths.MlLatestSmall, "movies.csv")).ToArray());

    public static Rating[] Train => TrainRatings.Value;
    public static Rating[] Test => TestRatings.Value;
    public static Movie[] Movies => CatalogMovies.Value;

    private static Rating[] Read(string file) =>
        RatingFileReader.Read(Path.Combine(TestPaths.MlLatestSmallSplit, file)).ToArray();
}
