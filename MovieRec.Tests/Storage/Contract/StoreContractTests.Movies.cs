using MovieRec.Core.Catalog;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    private static readonly Movie ToyStory = new(1, "Toy Story (1995)", 1995, ["Adventure", "Animation", "Children", "Comedy", "Fantasy"])
    {
        Tags = ["pixar", "fun"],
        ImdbId = "0114709",
        TmdbId = 862,
    };

    [StoreFact]
    public async Task UpsertedMovie_ComesBackWithEveryField()
    {
        var untitledYear = new Movie(2, "Hamlet", null, []);
        await AddMoviesAsync(ToyStory, untitledYear);

        var toyStory = await Store.Movies.GetAsync(1);
        Assert.NotNull(toyStory);
        Assert.Equal((1, "Toy Story (1995)", (int?)1995, "0114709", (int?)862), (toyStory.MovieId, toyStory.Title, toyStory.Year, toyStory.ImdbId, toyStory.TmdbId));
        Assert.Equal(["Adventure", "Animation", "Children", "Comedy", "Fantasy"], toyStory.Genres);
        Assert.Equal(["pixar", "fun"], toyStory.Tags);

        var hamlet = await Store.Movies.GetAsync(2);
        Assert.NotNull(hamlet);
        Assert.Null(hamlet.Year);
        Assert.Null(hamlet.ImdbId);
        Assert.Null(hamlet.TmdbId);
        Assert.Empty(hamlet.Genres);
        Assert.Empty(hamlet.Tags);
        Assert.Null(await Store.Movies.GetAsync(3));
        Assert.Equal(2, await Store.Movies.CountAsync());
    }

    [StoreFact]
    public async Task GetMany_ReturnsTheMoviesThatExist()
    {
        await AddPlainMoviesAsync(5);

        var found = await Store.Movies.GetManyAsync([2, 4, 4, 99]);

        Assert.Equal([2, 4], found.Keys.Order());
        Assert.Equal("Movie 4", found[4].Title);
        Assert.Empty(await Store.Movies.GetManyAsync([]));
    }

    [StoreFact]
    public async Task UpsertingAgain_ReplacesTheCatalogueFieldsButKeepsTheStatistics()
    {
        await AddMoviesAsync(ToyStory);
        await AddUsersAsync(1);
        await Store.Ratings.UpsertAsync(Stars(1, 1, 4.5f));

        await AddMoviesAsync(new Movie(1, "Toy Story", 1996, ["Animation"]) { Tags = ["classic"] });

        var movie = await Store.Movies.GetAsync(1);
        Assert.NotNull(movie);
        Assert.Equal(("Toy Story", (int?)1996, (string?)null, (int?)null), (movie.Title, movie.Year, movie.ImdbId, movie.TmdbId));
        Assert.Equal(["Animation"], movie.Genres);
        Assert.Equal(["classic"], movie.Tags);
        Assert.Equal(new MovieStatistics(1, 1, 4.5), await StatisticsOfAsync(1));
        Assert.Equal(1, await Store.Movies.CountAsync());
    }

    [StoreFact]
    public async Task UpsertWithOneInvalidMovie_WritesNone()
    {
        var error = await Assert.ThrowsAsync<StoreValidationException>(() =>
            Store.Movies.UpsertManyAsync([Film(1, "Fine"), Film(2, "  "), Film(3, "Also fine")]));

        Assert.Contains("Movie 2 has no title", error.Message);
        Assert.Equal(0, await Store.Movies.CountAsync());
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.UpsertManyAsync([Film(0, "Zero id")]));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.UpsertManyAsync([Film(5, "Blank genre", 2000, "Drama", "")]));
        Assert.Equal(0, await Store.Movies.CountAsync());
    }

    [StoreFact]
    public async Task ListGenres_GivesEachGenreOnceInOrdinalOrder()
    {
        await AddMoviesAsync(Film(1, "A", 2000, "Drama", "Sci-Fi"), Film(2, "B", 2000, "Comedy", "Drama"), Film(3, "C", 2000));

        Assert.Equal(["Comedy", "Drama", "Sci-Fi"], await Store.Movies.ListGenresAsync());
    }

    [StoreFact]
    public async Task StatisticsOfAnUnknownMovie_AreNull()
    {
        await AddPlainMoviesAsync(1);

        Assert.Null(await Store.Movies.GetStatisticsAsync(2));
        Assert.Equal(new MovieStatistics(1, 0, 0), await StatisticsOfAsync(1));
        Assert.Null((await StatisticsOfAsync(1)).Mean);
    }
}
