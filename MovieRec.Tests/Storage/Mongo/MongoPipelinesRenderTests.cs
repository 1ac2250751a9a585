using MongoDB.Bson;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The sorts and aggregation pipelines the MongoDB store sends, rendered to BSON.</summary>
public sealed class MongoPipelinesRenderTests
{
    [Theory]
    [InlineData(MovieSort.Popularity, SortDirection.Natural, "{ 'stats.count': -1, _id: 1 }")]
    [InlineData(MovieSort.Popularity, SortDirection.Ascending, "{ 'stats.count': 1, _id: 1 }")]
    [InlineData(MovieSort.Rating, SortDirection.Natural, "{ ratingKey: -1, _id: 1 }")]
    [InlineData(MovieSort.Rating, SortDirection.Ascending, "{ ratingKey: 1, _id: 1 }")]
    [InlineData(MovieSort.Year, SortDirection.Natural, "{ year: -1, _id: 1 }")]
    [InlineData(MovieSort.Year, SortDirection.Ascending, "{ yearMissing: 1, year: 1, _id: 1 }")]
    [InlineData(MovieSort.Title, SortDirection.Natural, "{ titleKey: 1, _id: 1 }")]
    [InlineData(MovieSort.Title, SortDirection.Descending, "{ titleKey: -1, _id: 1 }")]
    public void MovieSorts_EndWithTheIdAsTieBreak(MovieSort sort, SortDirection direction, string expected)
    {
        var query = new MovieQuery { Sort = sort, Direction = direction };

        Assert.Equal(Json(expected), Sort(MongoSorts.MovieList(query.Sort, query.IsDescending)));
    }

    [Fact]
    public void NearTitleCandidates_CountTheSharedTrigrams_MostSharedThenMostRated()
    {
        var pipeline = Pipeline(MongoPipelines.NearCandidates([" ma", "mat", "trx"], 200));

        Assert.Equal(
            new BsonArray
            {
                Json("{ $match: { searchGrams: { $in: [' ma', 'mat', 'trx'] } } }"),
                Json("{ $addFields: { sharedGrams: { $size: { $setIntersection: ['$searchGrams', [' ma', 'mat', 'trx']] } } } }"),
                Json("{ $sort: { sharedGrams: -1, 'stats.count': -1, _id: 1 } }"),
                Json("{ $limit: 200 }"),
                Json("{ $project: { title: 1, 'stats.count': 1 } }"),
            },
            pipeline);
    }

    [Fact]
    public void SuggestionsContainingTheText_AreTheMostRated()
    {
        var pipeline = Pipeline(MongoPipelines.MostRatedMatching(MongoQueries.SearchKeyContains(["up"]), 8));

        Assert.Equal(
            new BsonArray
            {
                Json("{ $match: { searchKey: /up/ } }"),
                Json("{ $sort: { 'stats.count': -1, _id: 1 } }"),
                Json("{ $limit: 8 }"),
            },
            pipeline);
    }

    [Fact]
    public void RatingSorts_NewestFirstForAUser_UserThenMovieForTraining()
    {
        Assert.Equal(Json("{ timestamp: -1, movieId: 1 }"), Sort(MongoSorts.RatingsNewestFirst));
        Assert.Equal(Json("{ userId: 1, movieId: 1 }"), Sort(MongoSorts.RatingsByUserThenMovie));
        Assert.Equal(Json("{ _id: -1 }"), Sort(MongoSorts.UsersByIdDescending));
    }

    [Fact]
    public void RatingOrderPage_SortsByTheStoredKeyWithoutComputingOne()
    {
        var query = new MovieQuery { Genre = "Drama", Sort = MovieSort.Rating, Page = 3, PageSize = 10 };

        var pipeline = Pipeline(MongoPipelines.MoviePage(MongoQueries.MovieList(null, "Drama"), query));

        Assert.Equal(
            BsonArray.Create(new[]
            {
                Json("{ $match: { genres: 'Drama' } }"),
                Json("{ $sort: { ratingKey: -1, _id: 1 } }"),
                Json("{ $skip: NumberLong(20) }"),
                Json("{ $limit: 10 }"),
            }),
            pipeline);
    }

    [Fact]
    public void OldestFirstPage_MarksMoviesWithoutAYearToSortThemLast()
    {
        var query = new MovieQuery { Sort = MovieSort.Year, Direction = SortDirection.Ascending };

        var pipeline = Pipeline(MongoPipelines.MoviePage(MongoQueries.MovieList(null, null), query));

        Assert.Equal(Json("{ $addFields: { yearMissing: { $cond: [ { $eq: [ { $ifNull: ['$year', null] }, null ] }, 1, 0 ] } } }"), pipeline[1]);
        Assert.Equal(Json("{ $sort: { yearMissing: 1, year: 1, _id: 1 } }"), pipeline[2]);
    }

    [Fact]
    public void NewestFirstPage_NeedsNoComputedField()
    {
        var pipeline = Pipeline(MongoPipelines.MoviePage(MongoQueries.MovieList(null, null), new MovieQuery { Sort = MovieSort.Year }));

        Assert.Equal(Json("{ $sort: { year: -1, _id: 1 } }"), pipeline[1]);
        Assert.Equal(4, pipeline.Count);
    }

    [Fact]
    public void PopularityPage_NeedsNoComputedField()
    {
        var query = new MovieQuery { TitleContains = "love", Sort = MovieSort.Popularity, PageSize = 24 };

        var pipeline = Pipeline(MongoPipelines.MoviePage(MongoQueries.MovieList(["love"], null), query));

        Assert.Equal(
            BsonArray.Create(new[]
            {
                Json("{ $match: { searchGrams: { $all: ['lov', 'ove'] }, searchKey: /love/ } }"),
                Json("{ $sort: { 'stats.count': -1, _id: 1 } }"),
                Json("{ $skip: NumberLong(0) }"),
                Json("{ $limit: 24 }"),
            }),
            pipeline);
    }

    [Fact]
    public void GlobalMeanAndRecount_GroupTheWholeCollection()
    {
        Assert.Equal(
            BsonArray.Create(new[] { Json("{ $group: { _id: null, count: { $sum: '$stats.count' }, sum: { $sum: '$stats.sum' } } }") }),
            Pipeline(MongoPipelines.StatisticsTotals()));
        Assert.Equal(
            BsonArray.Create(new[] { Json("{ $group: { _id: '$movieId', count: { $sum: 1 }, sum: { $sum: '$value' } } }") }),
            Pipeline(MongoPipelines.RecountByMovie()));
    }
}
