using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

public abstract partial class StoreContractTests
{
    /// <summary>Titles chosen to trip a search that treats text as a LIKE pattern or a regex.</summary>
    private async Task AddTrickyTitlesAsync() => await AddMoviesAsync(
        Film(1, "Toy Story (1995)", 1995, "Animation", "Comedy"),
        Film(2, "100% Love (2011)", 2011, "Comedy", "Romance"),
        Film(3, "Snake_Eyes (1998)", 1998, "Thriller"),
        Film(4, "What a.*(b Means", 2005, "Drama"),
        Film(5, "Amélie (2001)", 2001, "Comedy", "Romance"),
        Film(6, "Mr. Nobody (2009)", 2009, "Drama"),
        Film(7, "A Story Without Year", null, "Drama"),
        Film(8, "Back\\slash", 2010, "Drama"));

    private async Task AssertFindsAsync(string text, int[] expectedIds, string? genre = null)
    {
        var page = await Store.Movies.QueryAsync(new MovieQuery { TitleContains = text, Genre = genre, Sort = MovieSort.Title, PageSize = 50 });
        Assert.Equal(page.Items.Count, page.TotalCount);
        Assert.Equal(expectedIds, page.Items.Select(i => i.Movie.MovieId).Order().ToArray());
    }

    [StoreFact]
    public async Task TitleSearch_IsACaseInsensitiveSubstringMatch()
    {
        await AddTrickyTitlesAsync();

        await AssertFindsAsync("story", [1, 7]);
        await AssertFindsAsync("STORY", [1, 7]);
        await AssertFindsAsync("toy s", [1]);
        await AssertFindsAsync("AMÉLIE", [5]);
        await AssertFindsAsync("amelie", [5]);
        await AssertFindsAsync("godfather", []);
    }

    [StoreFact]
    public async Task TitleSearch_TreatsPunctuationAsAWordBreak_NeverAsAPattern()
    {
        await AddTrickyTitlesAsync();
        int[] all = [1, 2, 3, 4, 5, 6, 7, 8];

        await AssertFindsAsync("100%", [2]);
        await AssertFindsAsync("snake_eyes", [3]);
        await AssertFindsAsync("snake%eyes", [3]);
        await AssertFindsAsync("snake eyes", [3]);
        await AssertFindsAsync("^Toy", [1]);
        await AssertFindsAsync("mr nobody", [6]);
        await AssertFindsAsync("back\\slash", [8]);
        // Text without a letter or digit finds nothing; blank text does not filter.
        await AssertFindsAsync("%", []);
        await AssertFindsAsync(".*", []);
        await AssertFindsAsync("\U0001F3AC", []);
        await AssertFindsAsync("  ", all);
    }

    /// <summary>Titles as MovieLens writes them: trailing articles, alternative titles in parentheses, accents.</summary>
    private async Task AddMovieLensTitlesAsync()
    {
        await AddMoviesAsync(
            Film(1, "Matrix, The (1999)", 1999, "Action"),
            Film(2, "Matrix Reloaded, The (2003)", 2003, "Action"),
            Film(3, "Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)", 2001, "Comedy"),
            Film(4, "Auberge espagnole, L' (2002)", 2002, "Comedy"),
            Film(5, "Die Hard (1988)", 1988, "Action"),
            Film(6, "Night of the Living Dead (1968)", 1968, "Horror"),
            Film(7, "City of Lost Children, The (Cité des enfants perdus, La) (1995)", 1995, "Fantasy"),
            Film(8, "Schindler's List (1993)", 1993, "Drama"),
            Film(9, "Straße, Die (1923)", 1923, "Drama"),
            Film(10, "Hard Target (1993)", 1993, "Action"));
        await AddUsersAsync(30);
        // Popularity: the Matrix (30 ratings) before the Reloaded (10), the rest unrated.
        await Store.Ratings.ImportAsync(
            Enumerable.Range(1, 30).Select(u => Stars(u, 1, 4.5f)).Concat(Enumerable.Range(1, 10).Select(u => Stars(u, 2, 3.5f))));
    }

    [StoreFact]
    public async Task TitleSearch_FindsLeadingArticlesInAnyPosition()
    {
        await AddMovieLensTitlesAsync();

        await AssertFindsAsync("the matrix", [1, 2]);
        await AssertFindsAsync("matrix the", [1, 2]);
        await AssertFindsAsync("Matrix, The", [1, 2]);
        await AssertFindsAsync("The Matrix Reloaded", [2]);
        await AssertFindsAsync("le fabuleux destin", [3]);
        await AssertFindsAsync("fabuleux destin d'Amélie Poulain, Le", [3]);
        await AssertFindsAsync("L'Auberge espagnole", [4]);
        await AssertFindsAsync("auberge espagnole, l'", [4]);
        await AssertFindsAsync("the city of lost children", [7]);
        await AssertFindsAsync("la cite des enfants perdus", [7]);
        await AssertFindsAsync("die strasse", [9]);
        // An article inside a title stays where it is; one in front that the title does not have is not invented.
        await AssertFindsAsync("night of the", [6]);
        await AssertFindsAsync("die hard", [5]);
        await AssertFindsAsync("the die hard", []);
    }

    [StoreFact]
    public async Task TitleSearch_IgnoresAccentsCaseAndApostrophes()
    {
        await AddMovieLensTitlesAsync();

        await AssertFindsAsync("amelie", [3]);
        await AssertFindsAsync("AMÉLIE", [3]);
        await AssertFindsAsync("cité", [7]);
        await AssertFindsAsync("schindlers list", [8]);
        await AssertFindsAsync("Schindler’s", [8]);
        await AssertFindsAsync("strasse", [9]);
        // Shorter than a trigram: found by scanning the keys.
        await AssertFindsAsync("xy", []);
        await AssertFindsAsync("hi", [7, 8]);
    }

    [StoreFact]
    public async Task TitleSearch_FollowsARenamedMovie()
    {
        await AddMoviesAsync(Film(1, "Old Name (2000)"));
        await AddMoviesAsync(Film(1, "New Name (2000)"));

        await AssertFindsAsync("old name", []);
        await AssertFindsAsync("new name", [1]);
    }

    [StoreFact]
    public async Task TagSearch_MatchesAWholeTagWithoutCaseOrAccents_AndCombinesWithTheOtherFilters()
    {
        await AddMoviesAsync(
            Film(1, "One", 2000, "Comedy") with { Tags = ["Dark Comedy", "quirky"] },
            Film(2, "Two", 2000, "Drama") with { Tags = ["dark comedy"] },
            Film(3, "Three", 2000, "Comedy") with { Tags = ["dark-comedy"] },
            Film(4, "Four", 2000, "Comedy") with { Tags = ["comedy", "Amélie"] });

        async Task<int[]> Tagged(string tag, string? genre = null, string? text = null) =>
            (await Store.Movies.QueryAsync(new MovieQuery { Tag = tag, Genre = genre, TitleContains = text, Sort = MovieSort.Title }))
            .Items.Select(i => i.Movie.MovieId).Order().ToArray();

        Assert.Equal(new int[] { 1, 2, 3 }, await Tagged("dark comedy"));
        Assert.Equal(new int[] { 1, 2, 3 }, await Tagged("DARK COMEDY "));
        Assert.Equal(new int[] { 4 }, await Tagged("comedy"));
        Assert.Equal(new int[] { 4 }, await Tagged("amelie"));
        Assert.Equal(Array.Empty<int>(), await Tagged("dark"));
        Assert.Equal(new int[] { 1, 3 }, await Tagged("dark comedy", genre: "Comedy"));
        Assert.Equal(new int[] { 3 }, await Tagged("dark comedy", text: "three"));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.QueryAsync(new MovieQuery { Tag = "a\0b" }));
    }

    [StoreFact]
    public async Task Suggestions_PutTitlesContainingTheTextFirst_MostRatedFirst()
    {
        await AddMovieLensTitlesAsync();

        var matrix = await Store.Movies.SuggestAsync("the matr", 5);
        Assert.Equal([(1, false), (2, false)], matrix.Select(s => (s.Listing.Movie.MovieId, s.IsNear)));
        Assert.Equal(30, matrix[0].Listing.Statistics.RatingCount);

        var one = await Store.Movies.SuggestAsync("matrix", 1);
        Assert.Equal([1], one.Select(s => s.Listing.Movie.MovieId));
    }

    [StoreFact]
    public async Task Suggestions_ForgiveOneOrTwoTypingMistakes_TheBetterKnownFirst()
    {
        await AddMovieLensTitlesAsync();

        var matrx = await Store.Movies.SuggestAsync("matrx", 5);
        Assert.Equal([(1, true), (2, true)], matrx.Take(2).Select(s => (s.Listing.Movie.MovieId, s.IsNear)));
        Assert.Equal(1, (await Store.Movies.SuggestAsync("the matirx", 5))[0].Listing.Movie.MovieId);
        Assert.Equal(3, (await Store.Movies.SuggestAsync("amelei", 5))[0].Listing.Movie.MovieId);
        Assert.Equal(8, (await Store.Movies.SuggestAsync("shindlers lst", 5))[0].Listing.Movie.MovieId);
        Assert.Equal(6, (await Store.Movies.SuggestAsync("nigth of the living dead", 5))[0].Listing.Movie.MovieId);
        Assert.Empty(await Store.Movies.SuggestAsync("qqqzzzkkk", 5));
        Assert.Empty(await Store.Movies.SuggestAsync("!!", 5));
    }

    [StoreFact]
    public async Task Suggestions_RefuseBadInput()
    {
        await AddMovieLensTitlesAsync();

        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.SuggestAsync(new string('x', MovieQuery.MaxTitleTextLength + 1), 5));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.SuggestAsync("a\u0007b", 5));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.SuggestAsync("matrix", 0));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.SuggestAsync("matrix", 51));
    }

    [StoreFact]
    public async Task GenreFilter_CombinesWithTitleSearch()
    {
        await AddTrickyTitlesAsync();

        await AssertFindsAsync("", [2, 5], genre: "Romance");
        await AssertFindsAsync(" ", [1, 2, 5], genre: "Comedy");
        await AssertFindsAsync("y", [1], genre: "Comedy");
        await AssertFindsAsync("", [], genre: "Western");
    }

    [StoreFact]
    public async Task Pages_SplitThePopularityOrderWithoutOverlap()
    {
        // Movie k is rated by users 1..k, so popularity orders the movies 12, 11, ... 1.
        await AddPlainMoviesAsync(12);
        await AddUsersAsync(12);
        await Store.Ratings.ImportAsync(
            from movie in Enumerable.Range(1, 12) from user in Enumerable.Range(1, movie) select Stars(user, movie, 3.0f));

        var pages = new List<MoviePage>();
        for (var page = 1; page <= 4; page++)
            pages.Add(await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Popularity, Page = page, PageSize = 5 }));

        Assert.All(pages, p => Assert.Equal((12L, 3L), (p.TotalCount, p.PageCount)));
        Assert.Equal([12, 11, 10, 9, 8], pages[0].Items.Select(i => i.Movie.MovieId));
        Assert.Equal([7, 6, 5, 4, 3], pages[1].Items.Select(i => i.Movie.MovieId));
        Assert.Equal([2, 1], pages[2].Items.Select(i => i.Movie.MovieId));
        Assert.Empty(pages[3].Items);
        Assert.Equal([12, 11], pages[0].Items.Take(2).Select(i => i.Statistics.RatingCount));

        var leastFirst = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Popularity, Direction = SortDirection.Ascending, PageSize = 3 });
        Assert.Equal([1, 2, 3], leastFirst.Items.Select(i => i.Movie.MovieId));
    }

    [StoreFact]
    public async Task RatingOrder_UsesTheDampedMean()
    {
        // One 5-star rating against twenty 4.5s and twenty 2.0s: the plain mean would put the
        // lone 5.0 first; damped towards mu = 135 / 41 it ranks second.
        await AddMoviesAsync(Film(1, "Lone five"), Film(2, "Many four and a half"), Film(3, "Many twos"), Film(4, "Unrated"));
        await AddUsersAsync(20);
        var ratings = new List<Rating> { Stars(1, 1, 5.0f) };
        ratings.AddRange(Enumerable.Range(1, 20).Select(u => Stars(u, 2, 4.5f)));
        ratings.AddRange(Enumerable.Range(1, 20).Select(u => Stars(u, 3, 2.0f)));
        await Store.Ratings.ImportAsync(ratings);

        var page = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Rating });

        Assert.Equal(135.0 / 41, page.GlobalMean, 12);
        Assert.Equal([2, 1, 4, 3], page.Items.Select(i => i.Movie.MovieId));
        var loneFive = page.Items.Single(i => i.Movie.MovieId == 1).Statistics;
        Assert.Equal(5.0, loneFive.Mean);
        Assert.Equal((5.0 + 10 * 135.0 / 41) / 11, loneFive.DampedMean(page.GlobalMean), 12);

        var worstFirst = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Rating, Direction = SortDirection.Ascending });
        Assert.Equal([3, 4, 1, 2], worstFirst.Items.Select(i => i.Movie.MovieId));
    }

    [StoreFact]
    public async Task YearOrder_PutsMoviesWithoutAYearLastBothWays()
    {
        await AddMoviesAsync(Film(1, "B", 1999), Film(2, "A", null), Film(3, "C", 2010), Film(4, "D", 1999), Film(5, "E", 1950));

        var newest = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Year });
        var oldest = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Year, Direction = SortDirection.Ascending });

        Assert.Equal([3, 1, 4, 5, 2], newest.Items.Select(i => i.Movie.MovieId));
        Assert.Equal([5, 1, 4, 3, 2], oldest.Items.Select(i => i.Movie.MovieId));
    }

    [StoreFact]
    public async Task TitleOrder_IgnoresCase()
    {
        await AddMoviesAsync(Film(1, "cherry"), Film(2, "Banana"), Film(3, "apple"), Film(4, "Apple"));

        var azPage = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Title });
        var zaPage = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Title, Direction = SortDirection.Descending });

        Assert.Equal([3, 4, 2, 1], azPage.Items.Select(i => i.Movie.MovieId));
        Assert.Equal([1, 2, 3, 4], zaPage.Items.Select(i => i.Movie.MovieId));
    }

    [StoreFact]
    public async Task BadQueries_AreRefused()
    {
        await AddPlainMoviesAsync(1);

        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.QueryAsync(new MovieQuery { Page = 0 }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.QueryAsync(new MovieQuery { PageSize = 0 }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.QueryAsync(new MovieQuery { PageSize = MovieQuery.MaxPageSize + 1 }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.QueryAsync(new MovieQuery { TitleContains = new string('x', MovieQuery.MaxTitleTextLength + 1) }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.QueryAsync(new MovieQuery { TitleContains = "a\0b" }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Movies.QueryAsync(new MovieQuery { Sort = (MovieSort)42 }));
    }
}
