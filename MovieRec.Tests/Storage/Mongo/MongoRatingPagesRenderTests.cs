using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The aggregation behind a page of a person's ratings, rendered to the BSON the server receives.</summary>
public sealed class MongoRatingPagesRenderTests
{
    private const string Lookup =
        "{ $lookup: { from: 'movies', localField: 'movieId', foreignField: '_id', pipeline: [{ $project: { _id: 0, titleKey: 1, genres: 1 } }], as: 'movie' } }";

    [Fact]
    public void PlainPage_MatchesTheUser_JoinsTheMovie_AndCountsAndCutsInOneFacet()
    {
        var rendered = Pipeline(MongoRatingPages.Page(new RatingQuery(7) { Page = 3, PageSize = 50 }, genre: null));

        Assert.Equal(
            new MongoDB.Bson.BsonArray
            {
                Json("{ $match: { userId: 7 } }"),
                Json(Lookup),
                Json("{ $unwind: '$movie' }"),
                Json("""
                     { $facet: {
                         total: [{ $count: 'n' }],
                         page: [{ $sort: { timestamp: -1, movieId: 1 } }, { $skip: 100 }, { $limit: 50 }, { $project: { movie: 0 } }] } }
                     """),
            },
            rendered);
    }

    [Fact]
    public void Filters_PutValueBoundsOnTheRatings_AndTheGenreAfterTheJoin()
    {
        var rendered = Pipeline(MongoRatingPages.Page(new RatingQuery(7) { MinValue = 3.5f, MaxValue = 4.5f, Order = RatingOrder.Title }, genre: "Drama"));

        Assert.Equal(Json("{ $match: { userId: 7, value: { $gte: 3.5, $lte: 4.5 } } }"), rendered[0]);
        Assert.Equal(Json("{ $match: { 'movie.genres': 'Drama' } }"), rendered[3]);
        Assert.Equal(Json("{ $sort: { 'movie.titleKey': 1, movieId: 1 } }"), rendered[4]["$facet"]["page"][0]);
        Assert.Equal(Json("{ $skip: 0 }"), rendered[4]["$facet"]["page"][1]);
    }

    [Fact]
    public void OnlyOneBound_SendsOnlyThatBound()
    {
        Assert.Equal(Json("{ $match: { userId: 1, value: { $lte: 2.0 } } }"),
            Pipeline(MongoRatingPages.Page(new RatingQuery(1) { MaxValue = 2f }, null))[0]);
        Assert.Equal(Json("{ $match: { userId: 1, value: { $gte: 2.0 } } }"),
            Pipeline(MongoRatingPages.Page(new RatingQuery(1) { MinValue = 2f }, null))[0]);
    }

    [Theory]
    [InlineData(RatingOrder.Newest, "{ timestamp: -1, movieId: 1 }")]
    [InlineData(RatingOrder.Oldest, "{ timestamp: 1, movieId: 1 }")]
    [InlineData(RatingOrder.Highest, "{ value: -1, timestamp: -1, movieId: 1 }")]
    [InlineData(RatingOrder.Lowest, "{ value: 1, timestamp: -1, movieId: 1 }")]
    [InlineData(RatingOrder.Title, "{ 'movie.titleKey': 1, movieId: 1 }")]
    public void EveryOrder_EndsOnTheMovieId(RatingOrder order, string sort)
    {
        Assert.Equal(Json(sort), MongoRatingPages.Order(order));
    }
}
