using System.Text.RegularExpressions;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The filters the MongoDB store sends, rendered to the BSON the server receives.</summary>
public sealed class MongoQueriesRenderTests
{
    [Fact]
    public void TitleSearch_SendsRegexMetacharactersEscaped_AndIgnoresCase()
    {
        var rendered = Filter(MongoQueries.TitleSearch("a.*(b"));

        var regex = rendered["titleKey"].AsBsonRegularExpression;
        Assert.Equal(@"a\.\*\(b", regex.Pattern);
        Assert.Equal("i", regex.Options);
        Assert.Single(rendered);
        // The pattern finds the text itself and nothing that the raw text, as a regex, would match.
        Assert.Matches(regex.Pattern, "what a.*(b means");
        Assert.DoesNotMatch(regex.Pattern, "a thousand (b");
    }

    [Theory]
    [InlineData("TOY Story", "toy\\ story")]
    [InlineData("100%_", "100%_")]
    [InlineData("^[x]$|y+?{2}", @"\^\[x]\$\|y\+\?\{2}")]
    [InlineData(@"back\slash", @"back\\slash")]
    public void TitleSearch_LowerCasesTheTextAndMakesEveryCharacterLiteral(string text, string pattern)
    {
        var regex = Filter(MongoQueries.TitleSearch(text))["titleKey"].AsBsonRegularExpression;

        Assert.Equal(pattern, regex.Pattern);
        Assert.Matches(new Regex(regex.Pattern), "[" + text.ToLowerInvariant() + "]");
    }

    [Fact]
    public void MovieList_CombinesTitleAndGenre_OrMatchesEverything()
    {
        Assert.Equal(Json("{ }"), Filter(MongoQueries.MovieList(null, null)));
        Assert.Equal(Json("{ genres: 'Drama' }"), Filter(MongoQueries.MovieList(null, "Drama")));
        Assert.Equal(Json("{ titleKey: /x/i, genres: 'Comedy' }"), Filter(MongoQueries.MovieList("X", "Comedy")));
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
