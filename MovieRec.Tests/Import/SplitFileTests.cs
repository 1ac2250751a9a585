using MovieRec.Core.Import;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Import;

/// <summary>Single ratings files read without their dataset, as <c>evaluate --train --test</c> does.</summary>
public sealed class SplitFileTests
{
    [Fact]
    public void Train_and_test_of_ml_latest_small_are_its_ratings_split_in_two()
    {
        var train = RatingFileReader.Read(Path.Combine(TestPaths.MlLatestSmallSplit, "train.csv")).ToList();
        var test = RatingFileReader.Read(Path.Combine(TestPaths.MlLatestSmallSplit, "test.csv")).ToList();
        var all = MovieLensDataset.Open(TestPaths.MlLatestSmall).ReadRatings().ToList();

        Assert.NotEmpty(train);
        Assert.NotEmpty(test);
        Assert.Equal(all.Count, train.Count + test.Count);
        Assert.Equal(all.ToHashSet(), train.Concat(test).ToHashSet());
    }

    [Fact]
    public void Csv_split_files_are_on_the_half_star_scale()
    {
        Assert.Equal(RatingScale.HalfStars, RatingFileReader.DetectScale(Path.Combine(TestPaths.MlLatestSmallSplit, "train.csv")));
    }

    [Fact]
    public void Ml_100k_base_and_test_are_u_data_split_in_two()
    {
        var train = RatingFileReader.Read(TestPaths.Fixture("ml-100k", "u1.base")).ToList();
        var test = RatingFileReader.Read(TestPaths.Fixture("ml-100k", "u1.test")).ToList();
        var all = RatingFileReader.Read(TestPaths.Fixture("ml-100k", "u.data")).ToList();

        Assert.Equal(12, all.Count);
        Assert.Equal(3, test.Count);
        Assert.Equal(all.ToHashSet(), train.Concat(test).ToHashSet());
        Assert.Empty(train.Intersect(test));
        Assert.Contains(new Rating(1, 2, 3f, 876893171), test);
    }

    [Theory]
    [InlineData("ml-100k", "u1.base", 1.0)]
    [InlineData("ml-100k", "u1.test", 1.0)]
    [InlineData("ml-1m", "ratings.dat", 1.0)]
    [InlineData("ml-10m", "ratings.dat", 0.5)]
    public void The_scale_of_a_single_file_is_recognised(string folder, string file, double expectedMin)
    {
        var scale = RatingFileReader.DetectScale(TestPaths.Fixture(folder, file));

        Assert.Equal(expectedMin, scale.Min);
        Assert.Equal(5.0, scale.Max);
    }

    [Fact]
    public void A_double_colon_file_is_read_with_half_stars_when_it_has_them()
    {
        var ratings = RatingFileReader.Read(TestPaths.Fixture("ml-10m", "ratings.dat")).ToList();

        Assert.Equal(8, ratings.Count);
        Assert.Contains(new Rating(1, 4973, 4.5f, 1215184630), ratings);
        Assert.Contains(new Rating(3, 4973, 0.5f, 1215180000), ratings);
    }

    [Fact]
    public void An_explicit_scale_overrides_the_detected_one()
    {
        // ml-10m's half stars are bad lines on the whole-star scale.
        var report = new ImportReport();
        var ratings = RatingFileReader.Read(TestPaths.Fixture("ml-10m", "ratings.dat"), RatingScale.WholeStars,
            new ImportOptions { SkipBadLines = true }, report).ToList();

        Assert.Equal(4, ratings.Count);
        Assert.Equal(4, report.SkippedLinesIn("ratings.dat"));
    }

    [Fact]
    public void A_missing_file_is_reported_when_read_is_called()
    {
        Assert.Throws<FileNotFoundException>(() => RatingFileReader.Read(TestPaths.Fixture("ml-100k", "u9.base")));
    }
}
