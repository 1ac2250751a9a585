using MovieRec.Core.Import;

namespace MovieRec.Tests.Import;

public sealed class DatasetDetectionTests
{
    [Theory]
    [InlineData("ml-100k", DatasetFormat.MovieLens100k)]
    [InlineData("ml-1m", DatasetFormat.MovieLensDat)]
    [InlineData("ml-10m", DatasetFormat.MovieLensDat)]
    public void Each_fixture_folder_is_recognised(string folder, DatasetFormat expected)
    {
        Assert.Equal(expected, MovieLensDataset.Open(TestPaths.Fixture(folder)).Format);
    }

    [Fact]
    public void A_folder_without_a_dataset_names_itself_and_the_files_looked_for()
    {
        using var folder = new TempFolder();
        folder.Write("notes.txt", "nothing here");

        var error = Assert.Throws<UnrecognizedDatasetException>(() => MovieLensDataset.Open(folder.Path));

        Assert.Equal(folder.Path, error.Directory);
        Assert.Contains(folder.Path, error.Message);
        foreach (var file in new[] { "ratings.csv", "movies.csv", "u.data", "u.item", "ratings.dat", "movies.dat" })
            Assert.Contains(file, error.Message);
    }

    [Fact]
    public void A_half_dataset_says_which_file_is_missing()
    {
        using var folder = new TempFolder();
        folder.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");

        var error = Assert.Throws<UnrecognizedDatasetException>(() => MovieLensDataset.Open(folder.Path));

        Assert.Contains("ratings.csv is there but movies.csv is missing", error.Message);
    }

    [Fact]
    public void A_missing_folder_is_reported_as_such()
    {
        string missing = Path.Combine(Path.GetTempPath(), "movierec-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => MovieLensDataset.Open(missing));

        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData("userId,movieId,rating,timestamp\n1,2,3.5,100\n", 3.5)]
    [InlineData("1\t2\t3\t100\n", 3.0)]
    [InlineData("1::2::3.5::100\n", 3.5)]
    public void The_layout_of_a_single_ratings_file_is_recognised_from_its_content(string content, double expectedValue)
    {
        using var folder = new TempFolder();
        // A neutral name: the content alone must decide.
        string path = folder.Write("ratings.txt", content);

        var rating = Assert.Single(RatingFileReader.Read(path));

        Assert.Equal(new Core.Ratings.Rating(1, 2, (float)expectedValue, 100), rating);
    }

    [Fact]
    public void A_single_file_of_no_known_layout_is_rejected_on_line_1()
    {
        using var folder = new TempFolder();
        string path = folder.Write("ratings.txt", "1 2 3 100\n");

        var error = Assert.Throws<DatasetFormatException>(() => RatingFileReader.Read(path));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("userId,movieId,rating,timestamp", error.Reason);
    }

    [Theory]
    [InlineData("movies.txt", "movieId,title,genres\n7,\"Sabrina, the Teenage Witch (1996)\",Comedy|Romance\n", "Sabrina, the Teenage Witch (1996)")]
    [InlineData("movies.txt", "7::Sabrina (1995)::Comedy|Romance\n", "Sabrina (1995)")]
    [InlineData("movies.txt", "7|Sabrina (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Sabrina%20(1995)|0|0|0|0|0|1|0|0|0|0|0|0|0|0|1|0|0|0|0\n", "Sabrina (1995)")]
    public void The_layout_of_a_single_movies_file_is_recognised_from_its_content(string fileName, string content, string expectedTitle)
    {
        using var folder = new TempFolder();
        string path = folder.Write(fileName, content);

        var movie = Assert.Single(MovieFileReader.Read(path));

        Assert.Equal(7, movie.MovieId);
        Assert.Equal(expectedTitle, movie.Title);
        Assert.Equal(["Comedy", "Romance"], movie.Genres);
    }
}
