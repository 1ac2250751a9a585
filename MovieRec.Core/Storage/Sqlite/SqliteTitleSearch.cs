using Microsoft.Data.Sqlite;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Title search over movie_search, an FTS5 table with the trigram tokenizer holding each movie's
/// <see cref="SearchText.TitleKey"/> (rowid = movie_id; schema version 5). A folded text of three
/// or more characters is an FTS5 phrase, answered from the trigram index; a shorter one cannot be
/// split into trigrams and is matched by LIKE over the keys (a scan). Folded text holds only
/// letters, digits and spaces, so it can never be read as FTS5 query syntax or a LIKE wildcard;
/// quoting and escaping are kept anyway.
/// </summary>
internal static class SqliteTitleSearch
{
    /// <summary>A condition on m.movie_id: the movie's key contains one of the forms.</summary>
    public static (string Sql, Action<SqliteCommand> Bind) Contains(IReadOnlyList<string> forms)
    {
        if (forms.All(form => form.Length >= SearchText.GramLength))
            return ("m.movie_id IN (SELECT rowid FROM movie_search WHERE movie_search MATCH $title_match)",
                command => command.With("$title_match", AnyPhrase(forms)));
        var likes = string.Join(" OR ", forms.Select((_, i) => $"search_key LIKE $title_like{i} {SqliteLikePattern.EscapeClause}"));
        return ($"m.movie_id IN (SELECT rowid FROM movie_search WHERE {likes})", command =>
        {
            for (var i = 0; i < forms.Count; i++)
                command.With($"$title_like{i}", SqliteLikePattern.Contains(forms[i]));
        });
    }

    /// <summary>
    /// The ids of up to $limit movies sharing the most (and the rarest, by FTS5's bm25 rank) trigrams
    /// with the text: the candidates <see cref="NearTitles"/> ranks.
    /// </summary>
    public const string SharingGramsIds =
        "SELECT rowid AS movie_id FROM movie_search WHERE movie_search MATCH $grams ORDER BY rank LIMIT $limit";

    /// <summary>An FTS5 query matching any of the texts as a phrase: "a b c" OR "d e f".</summary>
    public static string AnyPhrase(IEnumerable<string> texts) =>
        string.Join(" OR ", texts.Select(text => "\"" + text.Replace("\"", "\"\"") + "\""));

    public const string DeleteKey = "DELETE FROM movie_search WHERE rowid = $id";

    public const string InsertKey = "INSERT INTO movie_search (rowid, search_key) VALUES ($id, $search_key)";
}
