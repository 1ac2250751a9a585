using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>One page of a person's ratings: orders, filters, counts and paging, the same in every store.</summary>
public abstract partial class StoreContractTests
{
    /// <summary>Person 1 rates five movies; person 2 rates one of them (never in person 1's pages).</summary>
    private async Task AddRatingPageFixtureAsync()
    {
        await AddMoviesAsync(
            Film(1, "banana split", 2001, "Comedy"),
            Film(2, "Apple Pie", 2002, "Drama"),
            Film(3, "cherry", 2003, "Comedy", "Drama"),
            Film(4, "Date Night", 2004, "Action"),
            Film(5, "Elderberry", 2005, "Comedy"));
        await AddUsersAsync(2);
        await Store.Ratings.UpsertAsync(Stars(1, 1, 4.0f, timestamp: 500));
        await Store.Ratings.UpsertAsync(Stars(1, 2, 2.5f, timestamp: 100));
        await Store.Ratings.UpsertAsync(Stars(1, 3, 4.0f, timestamp: 300));
        await Store.Ratings.UpsertAsync(Stars(1, 4, 5.0f, timestamp: 300));
        await Store.Ratings.UpsertAsync(Stars(1, 5, 1.0f, timestamp: 200));
        await Store.Ratings.UpsertAsync(Stars(2, 1, 3.0f, timestamp: 900));
    }

    private async Task<int[]> PageIdsAsync(RatingQuery query) =>
        (await Store.Ratings.QueryByUserAsync(query)).Ratings.Select(r => r.MovieId).ToArray();

    [StoreFact]
    public async Task RatingPages_FollowEachOrder_WithTiesByMovieId()
    {
        await AddRatingPageFixtureAsync();

        Assert.Equal(new[] { 1, 3, 4, 5, 2 }, await PageIdsAsync(new RatingQuery(1) { Order = RatingOrder.Newest }));
        Assert.Equal(new[] { 2, 5, 3, 4, 1 }, await PageIdsAsync(new RatingQuery(1) { Order = RatingOrder.Oldest }));
        Assert.Equal(new[] { 4, 1, 3, 2, 5 }, await PageIdsAsync(new RatingQuery(1) { Order = RatingOrder.Highest }));
        Assert.Equal(new[] { 5, 2, 1, 3, 4 }, await PageIdsAsync(new RatingQuery(1) { Order = RatingOrder.Lowest }));
        // Ignoring case: "Apple Pie" before "banana split" before "cherry".
        Assert.Equal(new[] { 2, 1, 3, 4, 5 }, await PageIdsAsync(new RatingQuery(1) { Order = RatingOrder.Title }));
    }

    [StoreFact]
    public async Task RatingPages_FilterByGenreAndValue_AndCountWhatPasses()
    {
        await AddRatingPageFixtureAsync();

        var comedies = await Store.Ratings.QueryByUserAsync(new RatingQuery(1) { Genre = "Comedy" });
        Assert.Equal([1, 3, 5], comedies.Ratings.Select(r => r.MovieId));
        Assert.Equal(3, comedies.TotalCount);

        var fours = await Store.Ratings.QueryByUserAsync(new RatingQuery(1) { MinValue = 4.0f, MaxValue = 4.0f });
        Assert.Equal([1, 3], fours.Ratings.Select(r => r.MovieId));
        Assert.Equal(new Core.Ratings.Rating(1, 3, 4.0f, 300), fours.Ratings[1]);

        Assert.Equal(new[] { 3, 1 }, await PageIdsAsync(new RatingQuery(1) { Genre = "Comedy", MinValue = 3.5f, Order = RatingOrder.Oldest }));
        Assert.Equal(new[] { 5, 2 }, await PageIdsAsync(new RatingQuery(1) { MaxValue = 2.5f, Order = RatingOrder.Lowest }));
        Assert.Empty(await PageIdsAsync(new RatingQuery(1) { Genre = "Horror" }));
        Assert.Equal(0, (await Store.Ratings.QueryByUserAsync(new RatingQuery(1) { Genre = "Horror" })).TotalCount);
    }

    [StoreFact]
    public async Task RatingPages_WalkThePagesWithoutOverlap_AndCountAll()
    {
        await AddRatingPageFixtureAsync();

        var pages = new List<int>();
        for (int page = 1; page <= 3; page++)
        {
            var answer = await Store.Ratings.QueryByUserAsync(new RatingQuery(1) { Order = RatingOrder.Highest, Page = page, PageSize = 2 });
            Assert.Equal(5, answer.TotalCount);
            Assert.Equal(3, answer.PageCount);
            pages.AddRange(answer.Ratings.Select(r => r.MovieId));
        }
        Assert.Equal([4, 1, 3, 2, 5], pages);

        var beyond = await Store.Ratings.QueryByUserAsync(new RatingQuery(1) { Page = 9, PageSize = 2 });
        Assert.Empty(beyond.Ratings);
        Assert.Equal(5, beyond.TotalCount);
    }

    [StoreFact]
    public async Task RatingPages_OfSomeoneWithoutRatings_AreEmpty_AndBadPagesAreRefused()
    {
        await AddRatingPageFixtureAsync();

        var nobody = await Store.Ratings.QueryByUserAsync(new RatingQuery(77));
        Assert.Empty(nobody.Ratings);
        Assert.Equal(0, nobody.TotalCount);
        Assert.Equal(0, nobody.PageCount);

        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.QueryByUserAsync(new RatingQuery(1) { Page = 0 }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.QueryByUserAsync(new RatingQuery(1) { PageSize = 0 }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.QueryByUserAsync(new RatingQuery(1) { PageSize = RatingQuery.MaxPageSize + 1 }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.QueryByUserAsync(new RatingQuery(1) { Page = int.MaxValue }));
        await Assert.ThrowsAsync<StoreValidationException>(() => Store.Ratings.QueryByUserAsync(new RatingQuery(1) { Order = (RatingOrder)42 }));
    }
}
