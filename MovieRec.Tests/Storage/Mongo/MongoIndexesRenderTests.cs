using MongoDB.Bson;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The indexes created at start, rendered to BSON, and checked against the queries that need them.</summary>
public sealed class MongoIndexesRenderTests
{
    [Fact]
    public void Usernames_AreUniqueUnderACaseInsensitiveEnglishCollation()
    {
        var index = Assert.Single(MongoIndexes.Users());

        Assert.Equal(Json("{ username: 1 }"), Keys(index.Keys));
        Assert.True(index.Options.Unique);
        Assert.Equal(Json("{ locale: 'en', strength: 2 }"), index.Options.Collation.ToBsonDocument());
        Assert.Equal(MongoIndexes.UsernameIndexName, index.Options.Name);
    }

    [Fact]
    public void Ratings_AreUniquePerUserAndMovie_AndIndexedByMovie()
    {
        var indexes = MongoIndexes.Ratings().ToDictionary(i => i.Options.Name);

        Assert.Equal(Json("{ userId: 1, movieId: 1 }"), Keys(indexes["ratings_user_movie"].Keys));
        Assert.True(indexes["ratings_user_movie"].Options.Unique);
        Assert.Equal(Json("{ movieId: 1 }"), Keys(indexes["ratings_movie"].Keys));
        Assert.NotEqual(true, indexes["ratings_movie"].Options.Unique);
        // The training stream's sort is the unique index's key order, so it needs no in-memory sort.
        Assert.Equal(Keys(indexes["ratings_user_movie"].Keys), Sort(MongoSorts.RatingsByUserThenMovie));
    }

    [Fact]
    public void Movies_AreIndexedByGenreAndForTheStoredListOrders()
    {
        var keys = MongoIndexes.Movies().Select(i => Keys(i.Keys)).ToList();

        Assert.Contains(Json("{ genres: 1 }"), keys);
        // Every order, the rating order by its stored key, is served by an index in its usual direction.
        foreach (var sort in new[] { MovieSort.Popularity, MovieSort.Year, MovieSort.Title, MovieSort.Rating })
        {
            var query = new MovieQuery { Sort = sort };
            Assert.Contains(Sort(MongoSorts.MovieList(query.Sort, query.IsDescending)), keys);
        }
        Assert.Equal(keys.Count, MongoIndexes.Movies().Select(i => i.Options.Name).Distinct().Count());
    }

    [Fact]
    public void Movies_AreIndexedByTheFieldsSearchFiltersOn()
    {
        var byName = MongoIndexes.Movies().ToDictionary(i => i.Options.Name, i => Keys(i.Keys));

        Assert.Equal(Json("{ searchGrams: 1 }"), byName["movies_search_grams"]);
        Assert.Equal(Json("{ tagKeys: 1 }"), byName["movies_tag_keys"]);
        // The fields the search filters start with are the indexed ones.
        Assert.Equal("searchGrams", Filter(MongoQueries.SearchKeyContains(["matrix"])).GetElement(0).Name);
        Assert.Equal("searchGrams", Filter(MongoQueries.SharingGrams(["mat"])).GetElement(0).Name);
        Assert.Equal("tagKeys", Filter(MongoQueries.TagKey("x")).GetElement(0).Name);
    }
}
