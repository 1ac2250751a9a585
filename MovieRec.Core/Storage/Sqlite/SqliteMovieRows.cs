using Microsoft.Data.Sqlite;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>The SELECT list that reads a whole movie in one row, and the code that turns the row back into objects.</summary>
internal static class SqliteMovieRows
{
    // Genres and tags come along as JSON arrays so that a page of movies is one query, not 1 + 2n.
    public const string Columns = """
        m.movie_id, m.title, m.year, m.imdb_id, m.tmdb_id, m.rating_count, m.rating_sum,
        (SELECT json_group_array(g.genre ORDER BY g.position) FROM movie_genres g WHERE g.movie_id = m.movie_id),
        (SELECT json_group_array(t.tag ORDER BY t.position) FROM movie_tags t WHERE t.movie_id = m.movie_id)
        """;

    public static MovieListing Read(SqliteDataReader row)
    {
        var movieId = row.GetInt32(0);
        var movie = new Movie(movieId, row.GetString(1), row.IsDBNull(2) ? null : row.GetInt32(2), SqliteCommands.StringsFromJson(row.GetString(7)))
        {
            ImdbId = row.IsDBNull(3) ? null : row.GetString(3),
            TmdbId = row.IsDBNull(4) ? null : row.GetInt32(4),
            Tags = SqliteCommands.StringsFromJson(row.GetString(8)),
        };
        return new MovieListing(movie, new MovieStatistics(movieId, row.GetInt32(5), row.GetDouble(6)));
    }
}
