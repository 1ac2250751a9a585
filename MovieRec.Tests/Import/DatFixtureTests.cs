using MovieRec.Core.Import;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Import;

/// <summary>Fixtures/ml-1m (ISO-8859-1, whole stars, users.dat) and Fixtures/ml-10m (UTF-8, half stars, tags.dat).</summary>
public sealed class DatFixtureTests
{
    [Fact]
    public void Ml_1m_is_recognised_as_dat_on_the_whole_star_scale()
    {
        var dataset = MovieLensDataset.Open(TestPaths.Fixture("ml-1m"));

        Assert.Equal(DatasetFormat.MovieLensDat, dataset.Format);
        Assert.Equal(RatingScale.WholeStars, dataset.Scale);
    }

    [Fact]
    public void Ml_10m_is_recognised_as_dat_on_the_half_star_scale()
    {
        var dataset = MovieLensDataset.Open(TestPaths.Fixture("ml-10m"));

        Assert.Equal(DatasetFormat.MovieLensDat, dataset.Format);
        Assert.Equal(RatingScale.HalfStars, dataset.Scale);
    }

    [Fact]
    public void Ml_1m_ratings_and_latin_1_titles()
    {
        var dataset = MovieLensDataset.Open(TestPaths.Fixture("ml-1m"));

        var ratings = dataset.ReadRatings().ToList();
        var movies = dataset.ReadMovies().ToDictionary(m => m.MovieId);

        Assert.Equal(8, ratings.Count);
        Assert.Equal(new Rating(1, 1193, 5f, 978300760), ratings[0]);
        Assert.Equal(new Rating(6040, 1193, 3f, 956703954), ratings[^1]);
        Assert.Equal(6, movies.Count);
        Assert.Equal("Misérables, Les (1998)", movies[3105].Title);
        Assert.Equal(1998, movies[3105].Year);
        Assert.Equal(["Animation", "Children's", "Comedy"], movies[1].Genres);
        Assert.Equal("One Flew Over the Cuckoo's Nest (1975)", movies[1193].Title);
    }

    [Fact]
    public void Ml_10m_ratings_keep_their_half_stars()
    {
        var ratings = MovieLensDataset.Open(TestPaths.Fixture("ml-10m")).ReadRatings().ToList();

        Assert.Equal(8, ratings.Count);
        Assert.Equal([5f, 4.5f, 3.5f, 4f, 2.5f, 0.5f, 5f, 3f], ratings.Select(r => r.Value));
    }

    [Fact]
    public void Ml_10m_titles_are_utf_8_and_tags_are_merged()
    {
        var movies = MovieLensDataset.Open(TestPaths.Fixture("ml-10m")).ReadMovies().ToDictionary(m => m.MovieId);

        var amelie = movies[4973];
        Assert.Equal("Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)", amelie.Title);
        Assert.Equal(2001, amelie.Year);
        // "excellent!" and "Excellent!" are one tag; " Paris " is trimmed.
        Assert.Equal(["excellent!", "whimsical", "Paris"], amelie.Tags);
        Assert.Equal(["Pixar", "Pixar animation"], movies[1].Tags);
        Assert.Empty(movies[122].Tags);
        Assert.Empty(movies[8606].Genres);
    }

    [Fact]
    public void Without_tags_dat_or_users_dat_the_ratings_decide_the_scale()
    {
        using var halfStars = new TempFolder();
        halfStars.CopyFrom(TestPaths.Fixture("ml-10m", "ratings.dat"));
        halfStars.CopyFrom(TestPaths.Fixture("ml-10m", "movies.dat"));
        using var wholeStars = new TempFolder();
        wholeStars.CopyFrom(TestPaths.Fixture("ml-1m", "ratings.dat"));
        wholeStars.CopyFrom(TestPaths.Fixture("ml-1m", "movies.dat"));

        Assert.Equal(RatingScale.HalfStars, MovieLensDataset.Open(halfStars.Path).Scale);
        Assert.Equal(RatingScale.WholeStars, MovieLensDataset.Open(wholeStars.Path).Scale);
    }

    [Fact]
    public void Movies_dat_can_be_read_on_its_own_without_tags()
    {
        var movies = MovieFileReader.Read(TestPaths.Fixture("ml-10m", "movies.dat")).ToList();

        Assert.Equal(6, movies.Count);
        Assert.All(movies, m => Assert.Empty(m.Tags));
        Assert.Contains(movies, m => m.Title.StartsWith("Amélie", StringComparison.Ordinal));
    }
}
