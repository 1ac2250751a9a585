namespace MovieRec.Core.Catalog;

/// <summary>A title that may be near a text: just what ranking it needs.</summary>
public sealed record TitleCandidate(int MovieId, string Title, int RatingCount);

/// <summary>
/// How close a title is to a text that no title contains ("matrx"): the share of the text's
/// trigrams (<see cref="SearchText.NearGrams"/>) found in the title's key, like PostgreSQL's
/// pg_trgm word similarity. One typing mistake in a word of five or more letters, or two in a
/// longer text ("shindlers lst"), keeps at least half of them, the minimum; a two-letter slip in
/// a short word may not (trigrams cannot tell "mtrx" from noise). Near titles are ranked by that
/// share in steps of a tenth, then by how many people rated them, so the well-known
/// "Matrix, The" comes before an obscure "Matrix Runner".
/// </summary>
public static class NearTitles
{
    /// <summary>The least share of trigrams a near title must have: below it the match is noise.</summary>
    public const double MinimumSimilarity = 0.5;

    public static double Similarity(IReadOnlyList<string> textGrams, string titleKey)
    {
        if (textGrams.Count == 0) return 0;
        var shared = 0;
        foreach (var gram in textGrams)
            if (titleKey.Contains(gram, StringComparison.Ordinal)) shared++;
        return (double)shared / textGrams.Count;
    }

    /// <summary>
    /// The candidates at least <see cref="MinimumSimilarity"/> close to the text, nearest first and,
    /// within a tenth of similarity, most rated first; at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<TitleCandidate> Rank(string text, IEnumerable<TitleCandidate> candidates, int limit)
    {
        var grams = SearchText.NearGrams(text);
        return candidates
            .Select(candidate => (Candidate: candidate, Similarity: Similarity(grams, SearchText.TitleKey(candidate.Title))))
            .Where(scored => scored.Similarity >= MinimumSimilarity)
            .OrderByDescending(scored => Math.Round(scored.Similarity, 1))
            .ThenByDescending(scored => scored.Candidate.RatingCount)
            .ThenBy(scored => scored.Candidate.MovieId)
            .Take(limit)
            .Select(scored => scored.Candidate)
            .ToList();
    }
}
