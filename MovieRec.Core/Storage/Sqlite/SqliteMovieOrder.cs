namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// The ORDER BY of each movie list order: fixed SQL chosen by an enum, never built from input.
/// Every order ends with movie_id so that pages never overlap or skip a movie on ties.
/// </summary>
internal static class SqliteMovieOrder
{
    public static string OrderBy(MovieQuery query)
    {
        var descending = query.IsDescending;
        var direction = descending ? "DESC" : "ASC";
        return query.Sort switch
        {
            MovieSort.Popularity => $"m.rating_count {direction}, m.movie_id",
            // The stored damped mean (SqliteRatingKeys), served by movies_by_rating like the others.
            MovieSort.Rating => $"m.rating_key {direction}, m.movie_id",
            // SQLite sorts NULL lowest: last when descending already, pushed last explicitly when ascending.
            MovieSort.Year => descending ? "m.year DESC, m.movie_id" : "m.year IS NULL, m.year ASC, m.movie_id",
            MovieSort.Title => $"m.title_folded {direction}, m.movie_id",
            _ => throw new StoreValidationException("Unknown sort order."),
        };
    }
}
