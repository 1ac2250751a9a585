using MovieRec.Core.Import;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Import;

/// <summary>Fixtures/ml-100k: u.data and u.item (ISO-8859-1) in the layout of the real ml-100k.</summary>
public sealed class Ml100kFixtureTests
{
    private static MovieLensDataset Open() => MovieLensDataset.Open(TestPaths.Fixture("ml-100k"));

    [Fact]
    public void Is_recognised_as_ml_100k_on_the_whole_star_scale()
    {
        var dataset = Open();

        Assert.Equal(DatasetFormat.MovieLens100k, dataset.Format);
        Assert.Equal(RatingScale.WholeStars, dataset.Scale);
        Assert.Equal("u.data", Path.GetFileName(dataset.RatingsFile));
        Assert.Equal("u.item", Path.GetFileName(dataset.MoviesFile));
    }

    [Fact]
    public void Reads_u_data()
    {
        var ratings = Open().ReadRatings().ToList();

        Assert.Equal(12, ratings.Count);
        Assert.Equal(new Rating(1, 1, 5f, 874965758), ratings[0]);
        Assert.Equal(new Rating(4, 5, 1f, 892001819), ratings[^1]);
    }

    [Fact]
    public void Reads_u_item_as_latin_1()
    {
        var movies = Open().ReadMovies().ToDictionary(m => m.MovieId);

        Assert.Equal(6, movies.Count);
        Assert.Equal("Misérables, Les (1995)", movies[3].Title);
        Assert.Equal("Nénette et Boni (1996)", movies[4].Title);
    }

    [Fact]
    public void Genre_flags_become_genre_names()
    {
        var movies = Open().ReadMovies().ToDictionary(m => m.MovieId);

        Assert.Equal(["Animation", "Children's", "Comedy"], movies[1].Genres);
        Assert.Equal(["Action", "Adventure", "Thriller"], movies[2].Genres);
        Assert.Equal(["Film-Noir", "Mystery"], movies[5].Genres);
        // Only the "unknown" flag is set: no genre.
        Assert.Empty(movies[267].Genres);
    }

    [Fact]
    public void The_year_comes_from_the_title_else_from_the_release_date()
    {
        var movies = Open().ReadMovies().ToDictionary(m => m.MovieId);

        Assert.Equal(1995, movies[1].Year);
        // Released in 1997 but titled (1996): the title wins.
        Assert.Equal(1996, movies[4].Year);
        Assert.Equal(1997, movies[5].Year);
        Assert.Null(movies[267].Year);
    }

    [Fact]
    public void Movies_have_no_tags_or_links()
    {
        Assert.All(Open().ReadMovies(), m =>
        {
            Assert.Empty(m.Tags);
            Assert.Null(m.ImdbId);
            Assert.Null(m.TmdbId);
        });
    }

    [Fact]
    public void U_item_can_be_read_on_its_own()
    {
        var movies = MovieFileReader.Read(TestPaths.Fixture("ml-100k", "u.item")).ToList();

        Assert.Equal(Open().ReadMovies().ToList(), movies, new MovieById());
    }

    private sealed class MovieById : IEqualityComparer<Core.Catalog.Movie>
    {
        public bool Equals(Core.Catalog.Movie? x, Core.Catalog.Movie? y) => x?.MovieId == y?.MovieId && x?.Title == y?.Title;

        public int GetHashCode(Core.Catalog.Movie obj) => obj.MovieId;
    }
}
