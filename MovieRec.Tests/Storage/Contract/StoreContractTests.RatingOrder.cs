using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>
/// The rating order's stored key (issue 10, finding 9): the order a store pages through must equal
/// the order of <see cref="RatingDamping.DampedMean"/> over a recount of the ratings, against the
/// reference mean the page reports, after writes, refreshes and reconciles alike.
/// </summary>
public abstract partial class StoreContractTests
{
    private const int OrderMovies = 30;
    private const int OrderUsers = 20;
    // A user who rates nothing in the seeded data, free to add a first rating anywhere.
    private const int FreshUser = OrderUsers + 1;

    [StoreFact]
    public async Task RatingOrder_EqualsTheOrderOfARecountsDampedMeans_AcrossPages()
    {
        await SeedRatingOrderAsync();

        var (order, reference) = await RatingOrderAsync();

        Assert.Equal(await LiveMeanAsync(), reference, 12);
        Assert.Equal(await ExpectedRatingOrderAsync(reference), order);
        var ascending = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Rating, Direction = SortDirection.Ascending, PageSize = MovieQuery.MaxPageSize });
        Assert.Equal(await ExpectedRatingOrderAsync(reference, worstFirst: true), ascending.Items.Select(i => i.Movie.MovieId).ToList());
    }

    [StoreFact]
    public async Task RatingWrite_UpdatesItsMoviesKey_WithoutARefreshWhileTheMeanStaysWithinTheDrift()
    {
        await SeedRatingOrderAsync();
        var (before, reference) = await RatingOrderAsync();
        var last = before[^1];

        await Store.Ratings.UpsertAsync(Stars(FreshUser, last, 5.0f));
        var (afterWrite, referenceAfterWrite) = await RatingOrderAsync();

        // The live mean moved, by less than the drift: the reference (and every other key) stays.
        var liveMean = await LiveMeanAsync();
        Assert.NotEqual(reference, liveMean);
        Assert.True(Math.Abs(liveMean - reference) <= RatingDamping.ReferenceDrift);
        Assert.Equal(reference, referenceAfterWrite);
        Assert.NotEqual(before.Count - 1, afterWrite.IndexOf(last));
        Assert.Equal(await ExpectedRatingOrderAsync(reference), afterWrite);

        await Store.Ratings.DeleteAsync(FreshUser, last);
        var (afterDelete, _) = await RatingOrderAsync();
        Assert.Equal(before, afterDelete);
    }

    [StoreFact]
    public async Task RatingReference_IsRefreshedWhenTheLiveMeanDriftsFurtherThanAHundredth()
    {
        await SeedRatingOrderAsync();
        var (_, reference) = await RatingOrderAsync();

        // Fifty new users each give every third movie five stars: the mean rises well past the drift.
        await AddUsersAsync(FreshUser + 50);
        await Store.Ratings.ImportAsync(
            from user in Enumerable.Range(FreshUser, 50)
            from movie in Enumerable.Range(1, OrderMovies)
            where movie % 3 == user % 3
            select Stars(user, movie, 5.0f));
        var (order, refreshed) = await RatingOrderAsync();

        var liveMean = await LiveMeanAsync();
        Assert.True(liveMean - reference > RatingDamping.ReferenceDrift);
        Assert.Equal(liveMean, refreshed, 12);
        Assert.Equal(await ExpectedRatingOrderAsync(refreshed), order);
    }

    [StoreFact]
    public async Task MovieAddedAfterARefresh_IsKeyedAtTheReferenceMean()
    {
        await SeedRatingOrderAsync();
        var (_, reference) = await RatingOrderAsync();

        await AddMoviesAsync(Film(OrderMovies + 1, "Added later"));
        var (order, referenceAfter) = await RatingOrderAsync();

        Assert.Equal(reference, referenceAfter);
        Assert.Contains(OrderMovies + 1, order);
        Assert.Equal(await ExpectedRatingOrderAsync(reference), order);
    }

    [StoreFact]
    public async Task Reconcile_RewritesKeysLeftWrongByBrokenStatistics()
    {
        await SeedRatingOrderAsync();
        var (before, _) = await RatingOrderAsync();
        var first = before[0];
        // Statistics broken behind the store's back, then a rating write computes the movie's key
        // from them: the key is now wrong too, and the movie drops to the bottom.
        await OverwriteStatisticsAsync(first, 100, 50.0);
        await Store.Ratings.UpsertAsync(Stars(FreshUser, first, 0.5f));
        var (broken, _) = await RatingOrderAsync();
        Assert.Equal(first, broken[^1]);

        await Store.ReconcileStatisticsAsync();
        var (repaired, reference) = await RatingOrderAsync();

        Assert.Equal(await LiveMeanAsync(), reference, 12);
        Assert.Equal(await ExpectedRatingOrderAsync(reference), repaired);
    }

    /// <summary>30 movies rated by 20 users with a spread of values and counts (about 400 ratings).</summary>
    private async Task SeedRatingOrderAsync()
    {
        await AddPlainMoviesAsync(OrderMovies);
        await AddUsersAsync(FreshUser);
        await Store.Ratings.ImportAsync(
            from user in Enumerable.Range(1, OrderUsers)
            from movie in Enumerable.Range(1, OrderMovies)
            where (user + movie) % 3 != 0 || movie % 5 == 0
            select Stars(user, movie, ((user * 7 + movie * 3) % 10 + 1) / 2f));
    }

    /// <summary>Every movie in the rating order (pages of 7, to cross page boundaries), and the page's reference mean.</summary>
    private async Task<(List<int> Order, double Reference)> RatingOrderAsync()
    {
        var order = new List<int>();
        var references = new HashSet<double>();
        for (var page = 1; ; page++)
        {
            var result = await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Rating, Page = page, PageSize = 7 });
            references.Add(result.GlobalMean);
            if (result.Items.Count == 0)
                break;
            order.AddRange(result.Items.Select(i => i.Movie.MovieId));
        }
        return (order, Assert.Single(references));
    }

    /// <summary>Every movie ordered by its recounted damped mean against <paramref name="reference"/>, best first unless asked, ties by id.</summary>
    private async Task<List<int>> ExpectedRatingOrderAsync(double reference, bool worstFirst = false)
    {
        var recount = await RecountAsync();
        var movieIds = (await Store.Movies.QueryAsync(new MovieQuery { Sort = MovieSort.Title, PageSize = MovieQuery.MaxPageSize }))
            .Items.Select(i => i.Movie.MovieId);
        var keyed = movieIds
            .Select(id => (Id: id, Key: RatingDamping.DampedMean(recount.GetValueOrDefault(id).Sum, recount.GetValueOrDefault(id).Count, reference)));
        return (worstFirst ? keyed.OrderBy(m => m.Key) : keyed.OrderByDescending(m => m.Key)).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .ToList();
    }

    private async Task<double> LiveMeanAsync()
    {
        var recount = await RecountAsync();
        return RatingDamping.GlobalMean(recount.Values.Sum(v => v.Sum), recount.Values.Sum(v => v.Count));
    }
}
