using Microsoft.Data.Sqlite;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Title search over movie_search, an FTS5 table with the trigram tokenizer holding each movie's
/// <see cref="SearchText.TitleKey"/> (rowid = movie_id; schema version 7). A folded text of three
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
        // No forms: text without a letter or digit, which matches nothing.
        if (forms.Count == 0) return ("0", _ => { });
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

    /// <summary>movies.search_key containing one of the forms, by LIKE: for scans in popularity order.</summary>
    public static (string Sql, Action<SqliteCommand> Bind) KeyLike(IReadOnlyList<string> forms) =>
        ("(" + string.Join(" OR ", forms.Select((_, i) => $"m.search_key LIKE $key_like{i} {SqliteLikePattern.EscapeClause}")) + ")", command =>
        {
            for (var i = 0; i < forms.Count; i++)
                command.With($"$key_like{i}", SqliteLikePattern.Contains(forms[i]));
        });

    /// <summary>
    /// Up to this many matches of a suggestion's text are read from the trigram index and sorted by
    /// popularity; a text with more is common, and the popularity walk finds its first few at once.
    /// </summary>
    public const int SortableMatches = 2_000;

    /// <summary>Text shorter than a trigram is suggested from the best-known titles only: the whole catalogue would be a scan per key press.</summary>
    public const int BestKnownTitles = 5_000;

    public static readonly string BestKnownIds = $"SELECT movie_id FROM movies ORDER BY rating_count DESC, movie_id LIMIT {BestKnownTitles}";

    /// <summary>Up to $limit ids of movies whose key contains one of the phrases in $title_match.</summary>
    public const string MatchingIds = "SELECT rowid FROM movie_search WHERE movie_search MATCH $title_match LIMIT $limit";

    /// <summary>How many titles hold each of the trigrams in $grams (a JSON array), from the index's vocabulary.</summary>
    public const string GramFrequencies =
        "SELECT term, doc FROM movie_search_vocab WHERE term IN (SELECT value FROM json_each($grams))";

    /// <summary>
    /// Up to $limit titles holding any of the trigrams in $grams, those sharing the most and the
    /// rarest first by FTS5's bm25 rank: the candidates <see cref="NearTitles"/> ranks.
    /// </summary>
    public const string NearCandidates = """
        SELECT m.movie_id, m.title, m.rating_count
        FROM (SELECT rowid AS movie_id, rank FROM movie_search WHERE movie_search MATCH $grams ORDER BY rank LIMIT $limit) near
        JOIN movies m ON m.movie_id = near.movie_id
        ORDER BY near.rank
        """;

    /// <summary>
    /// Titles ranked for near matches hold at most about this many rows' worth of trigrams: ranking
    /// every title that holds " th" (a third of them) would cost more than the whole answer may.
    /// </summary>
    public const long NearRowBudget = 3_000;

    /// <summary>
    /// The text's trigrams that titles hold, rarest first, for as long as their titles fit
    /// <see cref="NearRowBudget"/>, and always the two rarest: a typing mistake leaves the rare
    /// trigrams of the other letters, which find the title; the common ones mostly add noise.
    /// </summary>
    public static IReadOnlyList<string> RareGrams(IReadOnlyDictionary<string, long> titlesHolding)
    {
        var chosen = new List<string>();
        long rows = 0;
        foreach (var (gram, count) in titlesHolding.OrderBy(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (chosen.Count >= 2 && rows + count > NearRowBudget) break;
            chosen.Add(gram);
            rows += count;
        }
        return chosen;
    }

    /// <summary>An FTS5 query matching any of the texts as a phrase: "a b c" OR "d e f".</summary>
    public static string AnyPhrase(IEnumerable<string> texts) =>
        string.Join(" OR ", texts.Select(text => "\"" + text.Replace("\"", "\"\"") + "\""));

    public const string DeleteKey = "DELETE FROM movie_search WHERE rowid = $id";

    public const string InsertKey = "INSERT INTO movie_search (rowid, search_key) VALUES ($id, $search_key)";
}
