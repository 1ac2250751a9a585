using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage;

/// <summary>A title offered for a search text: one that contains the text, or (<see cref="IsNear"/>) one close to it.</summary>
public sealed record TitleSuggestion(MovieListing Listing, bool IsNear);

/// <summary>
/// The suggestion rule both stores follow, given their two look-ups: titles containing the text,
/// most rated first; then, to fill the list, near titles (<see cref="NearTitles"/>) among the
/// candidates sharing the most trigrams with it.
/// </summary>
internal static class TitleSuggestions
{
    /// <summary>How many titles sharing trigrams with the text are fetched and ranked: the nearest are among them.</summary>
    public const int NearCandidates = 200;

    public const int MaxLimit = 50;

    public static async Task<IReadOnlyList<TitleSuggestion>> BuildAsync(
        string text, int limit,
        Func<IReadOnlyList<string>, int, Task<IReadOnlyList<MovieListing>>> containing,
        Func<IReadOnlyList<string>, int, Task<IReadOnlyList<MovieListing>>> sharingGrams)
    {
        StoreValidation.SuggestText(text, limit);
        var forms = SearchText.QueryForms(text);
        if (forms.Count == 0) return [];
        var found = (await containing(forms, limit)).Select(listing => new TitleSuggestion(listing, IsNear: false)).ToList();
        if (found.Count >= limit) return found;

        var grams = SearchText.NearGrams(text);
        var candidates = await sharingGrams(grams, NearCandidates);
        var already = found.Select(s => s.Listing.Movie.MovieId).ToHashSet();
        var near = NearTitles.Rank(text, candidates.Where(c => !already.Contains(c.Movie.MovieId)),
            c => c.Movie, c => c.Statistics.RatingCount, limit - found.Count);
        found.AddRange(near.Select(listing => new TitleSuggestion(listing, IsNear: true)));
        return found;
    }
}
