using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage;

/// <summary>A title offered for a search text: one that contains the text, or (<see cref="IsNear"/>) one close to it.</summary>
public sealed record TitleSuggestion(MovieListing Listing, bool IsNear);

/// <summary>
/// The suggestion rule both stores follow, given their three look-ups: titles containing the text,
/// most rated first; only when no title contains it (a typing mistake), near titles
/// (<see cref="NearTitles"/>) among the candidates sharing the most trigrams with it, read in full
/// once chosen. Near titles after real matches would be noise in the list, and the costlier search.
/// </summary>
internal static class TitleSuggestions
{
    /// <summary>How many titles sharing trigrams with the text are fetched and ranked: the nearest are among them.</summary>
    public const int NearCandidates = 200;

    public const int MaxLimit = 50;

    public static async Task<IReadOnlyList<TitleSuggestion>> BuildAsync(
        string text, int limit,
        Func<IReadOnlyList<string>, int, Task<IReadOnlyList<MovieListing>>> containing,
        Func<IReadOnlyList<string>, int, Task<IReadOnlyList<TitleCandidate>>> sharingGrams,
        Func<IReadOnlyList<int>, Task<IReadOnlyList<MovieListing>>> listings)
    {
        StoreValidation.SuggestText(text, limit);
        var forms = SearchText.QueryForms(text);
        if (forms.Count == 0) return [];
        var found = (await containing(forms, limit)).Select(listing => new TitleSuggestion(listing, IsNear: false)).ToList();
        if (found.Count > 0) return found;

        var grams = SearchText.NearGrams(text);
        if (grams.Count == 0) return found;
        var candidates = await sharingGrams(grams, NearCandidates);
        var near = NearTitles.Rank(text, candidates, limit);
        if (near.Count == 0) return found;
        var read = (await listings(near.Select(c => c.MovieId).ToList())).ToDictionary(l => l.Movie.MovieId);
        found.AddRange(near.Where(c => read.ContainsKey(c.MovieId)).Select(c => new TitleSuggestion(read[c.MovieId], IsNear: true)));
        return found;
    }
}
