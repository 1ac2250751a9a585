using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using Xunit.Abstractions;

namespace MovieRec.Tests.Import;

/// <summary>The real ml-latest-small, checked against the facts its README and files state.</summary>
public sealed class MlLatestSmallTests(ITestOutputHelper output)
{
    private static MovieLensDataset Open() => MovieLensDataset.Open(TestPaths.MlLatestSmall);

    [Fact]
    public void Is_recognised_as_csv_on_the_half_star_scale()
    {
        var dataset = Open();

        Assert.Equal(DatasetFormat.MovieLensCsv, dataset.Format);
        Assert.Equal(RatingScale.HalfStars, dataset.Scale);
        Assert.Equal(Path.GetFullPath(TestPaths.MlLatestSmall), dataset.Directory);
    }

    [Fact]
    public void Has_the_ratings_users_and_movies_the_readme_gives()
    {
        var ratings = Open().ReadRatings().ToList();

        // README.txt: "100836 ratings ... across 9742 movies ... by 610 users"; 9,724 of the movies are rated.
        Assert.Equal(100_836, ratings.Count);
        Assert.Equal(610, ratings.Select(r => r.UserId).Distinct().Count());
        Assert.Equal(9_724, ratings.Select(r => r.MovieId).Distinct().Count());
        Assert.All(ratings, r => Assert.True(RatingValue.IsValid(r.Value), $"{r} has an invalid value"));
        Assert.Equal(new Rating(1, 1, 4.0f, 964982703), ratings[0]);
    }

    [Fact]
    public void Has_the_movies_the_readme_gives()
    {
        var movies = Open().ReadMovies().ToList();

        Assert.Equal(9_742, movies.Count);
        Assert.Equal(movies.Count, movies.Select(m => m.MovieId).Distinct().Count());
    }

    [Fact]
    public void Toy_story_has_its_year_genres_and_links()
    {
        var toyStory = Open().ReadMovies().Single(m => m.MovieId == 1);

        Assert.Equal("Toy Story (1995)", toyStory.Title);
        Assert.Equal(1995, toyStory.Year);
        Assert.Equal(["Adventure", "Animation", "Children", "Comedy", "Fantasy"], toyStory.Genres);
        Assert.Equal("0114709", toyStory.ImdbId);
        Assert.Equal(862, toyStory.TmdbId);
        Assert.Contains("pixar", toyStory.Tags, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Quoted_titles_keep_their_commas_and_quotes()
    {
        var movies = Open().ReadMovies().ToDictionary(m => m.MovieId);

        Assert.Equal("American President, The (1995)", movies[11].Title);
        Assert.Equal(1995, movies[11].Year);
        Assert.Equal(["Comedy", "Drama", "Romance"], movies[11].Genres);
        Assert.Equal("11'09\"01 - September 11 (2002)", movies[7789].Title);
        Assert.Equal(2002, movies[7789].Year);
    }

    [Fact]
    public void Odd_titles_get_a_reasonable_year()
    {
        var movies = Open().ReadMovies().ToDictionary(m => m.MovieId);

        // "From Dusk Till Dawn 2: Texas Blood Money (1999) " has a trailing space in movies.csv.
        Assert.Equal("From Dusk Till Dawn 2: Texas Blood Money (1999)", movies[27008].Title);
        Assert.Equal(1999, movies[27008].Year);
        // A series: the year it started.
        Assert.Equal("Death Note: Desu nôto (2006–2007)", movies[171749].Title);
        Assert.Equal(2006, movies[171749].Year);
        // No year and "(no genres listed)".
        Assert.Equal("Hyena Road", movies[143410].Title);
        Assert.Null(movies[143410].Year);
        Assert.Empty(movies[143410].Genres);
    }

    [Fact]
    public void Tags_are_merged_once_each_ignoring_case()
    {
        var movies = Open().ReadMovies().ToDictionary(m => m.MovieId);

        // tags.csv gives movie 60756 "funny" three times, "will ferrell" three times, "Highly quotable" and "comedy".
        Assert.Equal(["funny", "Highly quotable", "will ferrell", "comedy"], movies[60756].Tags);
        // Movie 5995 is tagged both "holocaust" and "Holocaust".
        Assert.Single(movies[5995].Tags, t => t.Equals("holocaust", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(movies.Values.SelectMany(m => m.Tags), tag => tag.Length == 0 || tag != tag.Trim());
    }

    [Fact]
    public void Movies_without_a_tmdb_id_have_none()
    {
        var movies = Open().ReadMovies().ToDictionary(m => m.MovieId);

        // links.csv: "791,0113610," has an empty tmdbId.
        Assert.Equal("0113610", movies[791].ImdbId);
        Assert.Null(movies[791].TmdbId);
        Assert.Equal(8, movies.Values.Count(m => m.TmdbId is null));
        Assert.All(movies.Values, m => Assert.NotNull(m.ImdbId));
    }

    [Fact]
    public void Nothing_is_skipped_in_the_clean_dataset()
    {
        var dataset = MovieLensDataset.Open(TestPaths.MlLatestSmall, new ImportOptions { SkipBadLines = true });

        _ = dataset.ReadRatings().Count();
        _ = dataset.ReadMovies().Count();

        Assert.Equal(0, dataset.Report.SkippedLines);
        Assert.Empty(dataset.Report.FirstMessages);
    }

    [Fact]
    public void Progress_is_reported_every_64k_rows_and_at_the_end()
    {
        var reports = new List<ImportProgress>();
        var dataset = MovieLensDataset.Open(TestPaths.MlLatestSmall, new ImportOptions { Progress = new Recorder(reports) });

        _ = dataset.ReadRatings().Count();

        long fileLength = new FileInfo(Path.Combine(TestPaths.MlLatestSmall, "ratings.csv")).Length;
        Assert.Equal(2, reports.Count);
        Assert.Equal(65_536, reports[0].Rows);
        Assert.InRange(reports[0].BytesRead, 1, fileLength - 1);
        Assert.Equal(new ImportProgress("ratings.csv", fileLength, fileLength, 100_836), reports[1]);
    }

    /// <summary>Records reports as they are made (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
