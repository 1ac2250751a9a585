namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// The ORDER BY of each movie list order: fixed SQL chosen by an enum, never built from input.
/// Every order ends with movie_id so that pages never overlap or skip a movie on ties.
/// </summary>
internal static class SqliteMovieOrder
{
    /// <summary>Parameters the rating order reads: m and mu of <see cref="RatingDamping"/>.</summary>
    public const string PriorWeightParameter = "$prior_weight";
    public const string GlobalMeanParameter = "$global_mean";

    public static string OrderBy(MovieQuery query)
    {
        var descending = query.IsDescending;
        var direction = descending ? "DESC" : "ASC";
        return query.Sort switch
        {
            MovieSort.Popularity => $"m.rating_count {direction}, m.movie_id",
            MovieSort.Rating =>
                $"(m.rating_sum + {PriorWeightParameter} * {GlobalMeanParameter}) / (m.rating_count + {PriorWeightParameter}) {direction}, m.movie_id",
            // SQLite sorts NULL lowest: last when descending already, pushed last explicitly when ascending.
            MovieSort.Year => descending ? "m.year DESC, m.movie_id" : "m.year IS NULL, m.year ASC, m.movie_id",
            MovieSort.Title => $"m.title_folded {direction}, m.movie_id",
            _ => throw new StoreValidationException("Unknown sort order."),
        };
    }
}
