using MovieRec.Core.Import;

namespace MovieRec.Tests.Import;

/// <summary>Bad lines in movies.csv, movies.dat, u.item, tags and links.</summary>
public sealed class BadMovieLineTests
{
    private const string Header = "movieId,title,genres\n";
    private const string GoodLine = "1,Toy Story (1995),Adventure|Animation\n";

    [Theory]
    [InlineData("5,,Drama", "title is empty")]
    [InlineData("5,\"   \",Drama", "title is empty")]
    [InlineData("abc,Heat (1995),Drama", "movieId \"abc\" is not a whole number")]
    [InlineData("-5,Heat (1995),Drama", "movieId -5 is not positive")]
    [InlineData("5,Heat (1995)", "expected 3 fields separated by \",\" but found 2")]
    [InlineData("5,Heat, The (1995),Drama", "expected 3 fields separated by \",\" but found 4")]
    [InlineData("5,Heat \"The\" (1995),Drama", "a quote inside a field that does not start with one (quote the whole field and double inner quotes)")]
    [InlineData("5,\"Heat (1995),Drama", "a quoted field is not closed on its line")]
    [InlineData("5,\"Heat\" (1995),Drama", "text after the closing quote of a quoted field")]
    public void A_bad_movies_csv_line_names_its_line_and_problem(string badLine, string expectedReason)
    {
        using var folder = new TempFolder();
        string path = folder.Write("movies.csv", Header + GoodLine + badLine + "\n" + GoodLine);

        var error = Assert.Throws<DatasetFormatException>(() => MovieFileReader.Read(path).ToList());

        Assert.Equal($"movies.csv line 3: {expectedReason}", error.Message);
    }

    [Fact]
    public void Skipped_movies_csv_lines_are_counted_and_the_rest_read()
    {
        using var folder = new TempFolder();
        string path = folder.Write("movies.csv", Header + GoodLine + "5,\"Heat (1995),Drama\n" + "6,,Drama\n" + "7,Sabrina (1995),Comedy\n");
        var report = new ImportReport();

        var movies = MovieFileReader.Read(path, new ImportOptions { SkipBadLines = true }, report).ToList();

        Assert.Equal([1, 7], movies.Select(m => m.MovieId));
        Assert.Equal(2, report.SkippedLinesIn("movies.csv"));
        Assert.StartsWith("movies.csv line 3: ", report.FirstMessages[0]);
        Assert.StartsWith("movies.csv line 4: ", report.FirstMessages[1]);
    }

    [Fact]
    public void Blank_lines_in_movies_csv_are_passed_over_but_counted_in_line_numbers()
    {
        using var folder = new TempFolder();
        string path = folder.Write("movies.csv", Header + GoodLine + "\n" + "   \n" + "9,,Drama\n");

        var error = Assert.Throws<DatasetFormatException>(() => MovieFileReader.Read(path).ToList());

        Assert.Equal("movies.csv line 5: title is empty", error.Message);
    }

    [Fact]
    public void A_movies_csv_without_its_header_names_the_expected_header()
    {
        using var folder = new TempFolder();
        string path = folder.Write("movies.csv", GoodLine);

        var error = Assert.Throws<DatasetFormatException>(() => MovieFileReader.Read(path).ToList());

        Assert.Equal(1, error.LineNumber);
        Assert.Equal("expected the header \"movieId,title,genres\" but found \"1,Toy Story (1995),Adventure|Animation\"", error.Reason);
    }

    [Theory]
    [InlineData("5::::Drama", "title is empty")]
    [InlineData("5::Heat (1995)", "expected 3 fields separated by \"::\" but found 2")]
    [InlineData("x::Heat (1995)::Drama", "movieId \"x\" is not a whole number")]
    public void A_bad_movies_dat_line_names_its_line_and_problem(string badLine, string expectedReason)
    {
        using var folder = new TempFolder();
        string path = folder.Write("movies.dat", "1::Toy Story (1995)::Animation\n" + badLine + "\n");

        var error = Assert.Throws<DatasetFormatException>(() => MovieFileReader.Read(path).ToList());

        Assert.Equal($"movies.dat line 2: {expectedReason}", error.Message);
    }

    [Fact]
    public void A_bad_genre_flag_in_u_item_is_named()
    {
        using var folder = new TempFolder();
        string good = "1|Toy Story (1995)|01-Jan-1995||url|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
        string bad = "2|GoldenEye (1995)|01-Jan-1995||url|0|1|1|0|0|2|0|0|0|0|0|0|0|0|0|0|1|0|0";
        string path = folder.Write("u.item", good + "\n" + bad + "\n");

        var error = Assert.Throws<DatasetFormatException>(() => MovieFileReader.Read(path).ToList());

        Assert.Equal("u.item line 2: genre flag \"2\" for Comedy is not 0 or 1", error.Message);
    }

    [Fact]
    public void Bad_tags_and_links_lines_are_skipped_and_counted_per_file()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,10\n");
        folder.Write("movies.csv", Header + GoodLine + "2,Jumanji (1995),Adventure\n");
        folder.Write("tags.csv", "userId,movieId,tag,timestamp\n1,1,pixar,10\n1,x,fun,11\n2,1,\"witty, warm\",12\n2,2,board game,oops\n");
        folder.Write("links.csv", "movieId,imdbId,tmdbId\n1,0114709,862\n2,tt0113497,8844\n");
        var dataset = MovieLensDataset.Open(folder.Path, new ImportOptions { SkipBadLines = true });

        var movies = dataset.ReadMovies().ToDictionary(m => m.MovieId);

        Assert.Equal(["pixar", "witty, warm"], movies[1].Tags);
        Assert.Empty(movies[2].Tags);
        Assert.Equal("0114709", movies[1].ImdbId);
        Assert.Null(movies[2].ImdbId);
        Assert.Equal(2, dataset.Report.SkippedLinesIn("tags.csv"));
        Assert.Equal(1, dataset.Report.SkippedLinesIn("links.csv"));
        Assert.Equal(3, dataset.Report.SkippedLines);
        Assert.Contains("links.csv line 3: imdbId \"tt0113497\" is not a number", dataset.Report.FirstMessages);
        Assert.Contains("tags.csv line 3: movieId \"x\" is not a whole number", dataset.Report.FirstMessages);
        Assert.Contains("tags.csv line 5: timestamp \"oops\" is not a whole number", dataset.Report.FirstMessages);
    }

    [Fact]
    public void A_bad_tags_dat_line_stops_reading_the_movies_by_default()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.dat", "1::1::4.5::10\n");
        folder.Write("movies.dat", "1::Toy Story (1995)::Animation\n");
        folder.Write("tags.dat", "1::1::pixar::10\n1::1::fun\n");

        var error = Assert.Throws<DatasetFormatException>(() => MovieLensDataset.Open(folder.Path).ReadMovies().ToList());

        Assert.Equal("tags.dat line 2: expected 4 fields separated by \"::\" but found 3", error.Message);
    }
}
