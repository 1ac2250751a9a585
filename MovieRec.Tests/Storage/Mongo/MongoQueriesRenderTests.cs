using System.Text.RegularExpressions;
using MovieRec.Core.Catalog;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The filters the MongoDB store sends, rendered to the BSON the server receives.</summary>
public sealed class MongoQueriesRenderTests
{
    [Fact]
    public void TitleSearch_NeedsEveryTrigramOfTheFoldedText_AndTheTextItselfInTheKey()
    {
        Assert.Equal(
            Json("{ searchGrams: { $all: ['mat', 'atr', 'tri', 'rix'] }, searchKey: /matrix/ }"),
            Filter(MongoQueries.SearchKeyContains(SearchText.QueryForms("Matrix!"))));
        // Both forms of a text ending with an article, either one found.
        Assert.Equal(
            Json("""
                { $or: [ { searchGrams: { $all: ['mat', 'atr', 'tri', 'rix', 'ix ', 'x t', ' th', 'the'] }, searchKey: /matrix\ the/ },
                         { searchGrams: { $all: ['the', 'he ', 'e m', ' ma', 'mat', 'atr', 'tri', 'rix'] }, searchKey: /the\ matrix/ } ] }
                """),
            Filter(MongoQueries.SearchKeyContains(SearchText.QueryForms("Matrix, The"))));
        // No letter or digit: nothing.
        Assert.Equal(Json("{ _id: { $in: [] } }"), Filter(MongoQueries.SearchKeyContains(SearchText.QueryForms("%%"))));
        // Shorter than a trigram: the regex alone.
        Assert.Equal(Json("{ searchKey: /hi/ }"), Filter(MongoQueries.SearchKeyContains(SearchText.QueryForms("Hi"))));
    }

    [Theory]
    [InlineData("a.*(b")]
    [InlineData("^[x]$|y+?{2}")]
    [InlineData(@"back\slash")]
    [InlineData("100%_")]
    public void TitleSearch_SendsNoRegexMetacharacterOfTheText(string text)
    {
        var rendered = Filter(MongoQueries.SearchKeyContains(SearchText.QueryForms(text)));

        var pattern = rendered["searchKey"].AsBsonRegularExpression.Pattern;
        Assert.Matches(@"^[a-z0-9\\ ]+$", pattern);
    }

    [Fact]
    public void TagAndNearTitleFilters_AreEqualityAndMembershipOnTheIndexedArrays()
    {
        Assert.Equal(Json("{ tagKeys: 'dark comedy' }"), Filter(MongoQueries.TagKey("dark comedy")));
        Assert.Equal(Json("{ searchGrams: { $in: [' ma', 'mat'] } }"), Filter(MongoQueries.SharingGrams([" ma", "mat"])));
    }

    [Fact]
    public void MovieList_CombinesTitleAndGenre_OrMatchesEverything()
    {
        Assert.Equal(Json("{ }"), Filter(MongoQueries.MovieList(null, null)));
        Assert.Equal(Json("{ genres: 'Drama' }"), Filter(MongoQueries.MovieList(null, "Drama")));
        Assert.Equal(Json("{ searchKey: /x/, genres: 'Comedy' }"), Filter(MongoQueries.MovieList(["x"], "Comedy")));
        Assert.Equal(Json("{ searchKey: /x/, genres: 'Comedy', tagKeys: 'pixar' }"), Filter(MongoQueries.MovieList(["x"], "Comedy", "pixar")));
        Assert.Equal(Json("{ tagKeys: 'pixar' }"), Filter(MongoQueries.MovieList(null, null, "pixar")));
    }

    [Fact]
    public void IdFilters_MatchOnUnderscoreIdWithEachIdOnce()
    {
        Assert.Equal(Json("{ _id: 7 }"), Filter(MongoQueries.MovieById(7)));
        Assert.Equal(Json("{ _id: { $in: [3, 1] } }"), Filter(MongoQueries.MoviesByIds([3, 1, 3])));
        Assert.Equal(Json("{ _id: 9 }"), Filter(MongoQueries.UserById(9)));
        Assert.Equal(Json("{ _id: { $in: [2, 5] } }"), Filter(MongoQueries.UsersByIds([2, 5, 2])));
        Assert.Equal(Json("{ _id: 'userId' }"), Filter(MongoQueries.Counter(CounterDocument.UserIdCounter)));
    }

    [Fact]
    public void RatingFilters_UseTheFieldsOfTheUniqueIndex()
    {
        Assert.Equal(Json("{ userId: 4, movieId: 5 }"), Filter(MongoQueries.Rating(4, 5)));
        Assert.Equal(Json("{ userId: 4 }"), Filter(MongoQueries.RatingsOfUser(4)));
        Assert.Equal(Json("{ }"), Filter(MongoQueries.AllRatings));
    }

    [Fact]
    public void UsernameFilters_AreEqualityMatchesLeftToTheCollationForCase()
    {
        // No regex and no lower-casing here: the case-insensitive collation of the unique index does it.
        Assert.Equal(Json("{ username: 'Alice' }"), Filter(MongoQueries.UserByName("Alice")));
        Assert.Equal(Json("{ username: { $in: ['a.*', 'Bob'] } }"), Filter(MongoQueries.UsersByNames(["a.*", "Bob"])));
    }
}
