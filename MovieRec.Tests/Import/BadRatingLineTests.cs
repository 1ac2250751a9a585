using MovieRec.Core.Import;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Import;

/// <summary>Each kind of bad ratings line: the error names the file, the line (header counted) and what is wrong.</summary>
public sealed class BadRatingLineTests
{
    private const string Header = "userId,movieId,rating,timestamp\n";
    private const string GoodLine = "1,1,4.0,964982703\n";

    [Theory]
    [InlineData("1,2,3.5", "expected 4 fields separated by \",\" but found 3")]
    [InlineData("1,2,3.5,100,7", "expected 4 fields separated by \",\" but found 5")]
    [InlineData("x,2,3.5,100", "userId \"x\" is not a whole number")]
    [InlineData("1,abc,3.5,100", "movieId \"abc\" is not a whole number")]
    [InlineData("1,2,abc,100", "rating \"abc\" is not a number")]
    [InlineData("1,2,,100", "rating \"\" is not a number")]
    [InlineData("1,2,5.5,100", "rating 5.5 is outside the scale 0.5 to 5")]
    [InlineData("1,2,0,100", "rating 0 is outside the scale 0.5 to 5")]
    [InlineData("1,2,3.3,100", "rating 3.3 is not a multiple of 0.5")]
    [InlineData("0,2,3.5,100", "userId 0 is not positive")]
    [InlineData("1,-4,3.5,100", "movieId -4 is not positive")]
    [InlineData("1,2,3.5,soon", "timestamp \"soon\" is not a whole number")]
    [InlineData("1,2,3.5,253402300800", "timestamp 253402300800 is outside the dates this app can show (Unix seconds -62135596800 to 253402300799, the years 1 to 9999)")]
    [InlineData("1,2,3.5,-62135596801", "timestamp -62135596801 is outside the dates this app can show (Unix seconds -62135596800 to 253402300799, the years 1 to 9999)")]
    public void A_bad_csv_line_names_its_line_and_problem(string badLine, string expectedReason)
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.csv", Header + GoodLine + badLine + "\n" + GoodLine);

        var error = Assert.Throws<DatasetFormatException>(() => RatingFileReader.Read(path).ToList());

        Assert.Equal("ratings.csv", error.FileName);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(expectedReason, error.Reason);
        Assert.Equal($"ratings.csv line 3: {expectedReason}", error.Message);
    }

    [Theory]
    [InlineData("1\t2\t3.5\t100", "rating 3.5 is not a whole number of stars")]
    [InlineData("1\t2\t6\t100", "rating 6 is outside the scale 1 to 5")]
    [InlineData("1\t2\t3", "expected 4 fields separated by tabs but found 3")]
    public void A_bad_ml_100k_line_is_judged_on_the_whole_star_scale(string badLine, string expectedReason)
    {
        using var folder = new TempFolder();
        string path = folder.Write("u1.base", "1\t1\t5\t874965758\n" + badLine + "\n");

        var error = Assert.Throws<DatasetFormatException>(() => RatingFileReader.Read(path).ToList());

        Assert.Equal("u1.base line 2: " + expectedReason, error.Message);
    }

    [Fact]
    public void A_bad_double_colon_line_names_its_separator()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.dat", "1::122::5::838985046\n1::185::4.5\n");

        var error = Assert.Throws<DatasetFormatException>(() => RatingFileReader.Read(path, RatingScale.HalfStars).ToList());

        Assert.Equal("ratings.dat line 2: expected 4 fields separated by \"::\" but found 3", error.Message);
    }

    [Fact]
    public void A_missing_header_is_an_error_naming_the_expected_header_even_when_skipping()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.csv", GoodLine + GoodLine);

        var error = Assert.Throws<DatasetFormatException>(
            () => RatingFileReader.Read(path, new ImportOptions { SkipBadLines = true }).ToList());

        Assert.Equal(1, error.LineNumber);
        Assert.Equal("expected the header \"userId,movieId,rating,timestamp\" but found \"1,1,4.0,964982703\"", error.Reason);
    }

    [Fact]
    public void A_wrong_header_is_an_error_naming_the_expected_header()
    {
        using var folder = new TempFolder();
        string path = folder.Write("train.csv", "user,item,rating,time\n" + GoodLine);

        var error = Assert.Throws<DatasetFormatException>(() => RatingFileReader.Read(path).ToList());

        Assert.Equal("train.csv line 1: expected the header \"userId,movieId,rating,timestamp\" but found \"user,item,rating,time\"", error.Message);
    }

    [Fact]
    public void Header_names_are_matched_ignoring_case_and_spaces()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.csv", "UserId, MovieId, Rating, Timestamp\n" + GoodLine);

        Assert.Single(RatingFileReader.Read(path));
    }

    [Fact]
    public void Skipping_yields_the_good_lines_and_counts_the_bad_ones()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.csv", Header + GoodLine + "1,2,abc,5\n" + "2,3,4.5,6\n" + "3,4\n" + "0,5,1,7\n" + "4,6,2.0,8\n");
        var report = new ImportReport();

        var ratings = RatingFileReader.Read(path, new ImportOptions { SkipBadLines = true }, report).ToList();

        Assert.Equal([new Rating(1, 1, 4f, 964982703), new Rating(2, 3, 4.5f, 6), new Rating(4, 6, 2f, 8)], ratings);
        Assert.Equal(3, report.SkippedLines);
        Assert.Equal(3, report.SkippedLinesIn("ratings.csv"));
        Assert.Equal(
            [
                "ratings.csv line 3: rating \"abc\" is not a number",
                "ratings.csv line 5: expected 4 fields separated by \",\" but found 2",
                "ratings.csv line 6: userId 0 is not positive",
            ],
            report.FirstMessages);
    }

    [Fact]
    public void The_report_keeps_only_the_first_messages_but_counts_all()
    {
        using var folder = new TempFolder();
        string badLines = string.Concat(Enumerable.Repeat("1,2,9,3\n", ImportReport.MaxMessages + 5));
        string path = folder.Write("ratings.csv", Header + badLines);
        var report = new ImportReport();

        var ratings = RatingFileReader.Read(path, new ImportOptions { SkipBadLines = true }, report).ToList();

        Assert.Empty(ratings);
        Assert.Equal(ImportReport.MaxMessages + 5, report.SkippedLines);
        Assert.Equal(ImportReport.MaxMessages, report.FirstMessages.Count);
        Assert.StartsWith("ratings.csv line 2: ", report.FirstMessages[0]);
        Assert.StartsWith($"ratings.csv line {ImportReport.MaxMessages + 1}: ", report.FirstMessages[^1]);
    }

    [Fact]
    public void Blank_lines_are_passed_over_but_still_counted_in_line_numbers()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.csv", Header + "\n" + GoodLine + "   \n" + "1,2,x,3\n");

        var error = Assert.Throws<DatasetFormatException>(() => RatingFileReader.Read(path).ToList());

        Assert.Equal(5, error.LineNumber);
    }

    [Fact]
    public void Windows_line_endings_a_byte_order_mark_and_a_missing_final_line_break_are_fine()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.csv", "\uFEFFuserId,movieId,rating,timestamp\r\n1,1,4.0,10\r\n\r\n2,2,0.5,20");

        var ratings = RatingFileReader.Read(path).ToList();

        Assert.Equal([new Rating(1, 1, 4f, 10), new Rating(2, 2, 0.5f, 20)], ratings);
    }

    [Fact]
    public void An_empty_ratings_csv_of_a_dataset_is_missing_its_header()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.csv", "");
        folder.Write("movies.csv", "movieId,title,genres\n");

        var error = Assert.Throws<DatasetFormatException>(() => MovieLensDataset.Open(folder.Path).ReadRatings().ToList());

        Assert.Equal("ratings.csv line 1: expected the header \"userId,movieId,rating,timestamp\" but found an empty file", error.Message);
    }
}
