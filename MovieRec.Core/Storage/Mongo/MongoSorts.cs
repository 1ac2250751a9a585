using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>Every sort the MongoDB store sends. Movie orders end with _id so that pages never overlap on ties.</summary>
internal static class MongoSorts
{
    private static SortDefinitionBuilder<MovieDocument> Movie => Builders<MovieDocument>.Sort;
    private static SortDefinitionBuilder<RatingDocument> Rating => Builders<RatingDocument>.Sort;

    /// <summary>A user's ratings, newest first.</summary>
    public static SortDefinition<RatingDocument> RatingsNewestFirst => Rating.Descending(d => d.Timestamp).Ascending(d => d.MovieId);

    /// <summary>The training stream's order; the unique (userId, movieId) index serves it.</summary>
    public static SortDefinition<RatingDocument> RatingsByUserThenMovie => Rating.Ascending(d => d.UserId).Ascending(d => d.MovieId);

    /// <summary>The highest user id first: how the next free id is found.</summary>
    public static SortDefinition<UserDocument> UsersByIdDescending => Builders<UserDocument>.Sort.Descending(d => d.Id);

    public static SortDefinition<MovieDocument> MovieList(MovieSort sort, bool descending)
    {
        SortDefinition<MovieDocument> primary = sort switch
        {
            MovieSort.Popularity => Direction(new ExpressionFieldDefinition<MovieDocument, int>(d => d.Stats.Count), descending),
            // The stored damped mean (MongoRatingKeys), served by movies_rating like the others.
            MovieSort.Rating => Direction(new ExpressionFieldDefinition<MovieDocument, double?>(d => d.RatingKey), descending),
            // MongoDB sorts null lowest: last when descending already (and the movies_year index
            // serves it); when ascending, the computed yearMissing (1 for no year) puts them last.
            MovieSort.Year => descending
                ? Movie.Descending(d => d.Year)
                : Movie.Combine(Movie.Ascending(MongoPipelines.YearMissingField), Movie.Ascending(d => d.Year)),
            MovieSort.Title => Direction(new ExpressionFieldDefinition<MovieDocument, string>(d => d.TitleKey), descending),
            _ => throw new StoreValidationException("Unknown sort order."),
        };
        return Movie.Combine(primary, Movie.Ascending(d => d.Id));
    }

    private static SortDefinition<MovieDocument> Direction(FieldDefinition<MovieDocument> field, bool descending) =>
        descending ? Movie.Descending(field) : Movie.Ascending(field);
}
