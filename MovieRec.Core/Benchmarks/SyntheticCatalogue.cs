using System.Text;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Benchmarks;

/// <summary>
/// A made-up catalogue shaped like MovieLens titles, for the search benchmark: one to five words,
/// common English title words mixed with invented ones (so trigrams are as unevenly common as in
/// real titles), a fifth with a trailing article ("Word, The (1987)"), some with an alternative
/// title in parentheses with accents, a year. Deterministic for a seed.
/// </summary>
public static class SyntheticCatalogue
{
    // The movies.csv of MovieLens 32M holds 87,585 movies.
    public const int MovieLens32MMovies = 87_585;

    private static readonly string[] CommonWords =
    [
        "love", "man", "night", "day", "story", "life", "king", "war", "girl", "boy", "last", "dead", "city", "house",
        "world", "time", "black", "white", "blood", "star", "dark", "little", "big", "return", "lost", "home", "dream",
        "american", "death", "summer", "christmas", "killer", "secret", "game", "heart", "lady", "new", "street", "road",
        "island", "ghost", "red", "blue", "family", "party", "brothers", "wild", "dragon", "moon", "sun", "fire", "ice",
        "money", "power", "rain", "river", "sea", "shadow", "silent", "sister", "son", "mother", "father", "angel", "devil",
        "hunter", "school", "town", "paris", "london", "hell", "heaven", "of", "the", "and", "in", "to", "a", "my", "on",
        "for", "with", "from", "at", "2", "ii", "iii", "part", "matrix", "godfather", "story", "toy", "alien", "terminator",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "ten", "vor", "shi", "bel", "an", "dor", "el", "ix", "qua", "zu", "por", "mar", "tin",
        "sen", "gra", "vel", "o", "ne", "cha", "ri", "lu", "sto", "fen", "dra", "ho", "ly", "ber", "cor", "wa", "ste",
    ];

    private static readonly string[] TrailingArticles = ["The", "The", "The", "The", "A", "An", "Le", "La", "Les", "L'", "El", "Die", "Der", "Il"];

    private static readonly string[] AccentedWords = ["été", "amélie", "garçon", "señor", "straße", "façade", "naïve", "über", "crème", "niño", "østen", "cœur"];

    public static IReadOnlyList<Movie> Movies(int count, int seed)
    {
        var random = new Random(seed);
        var movies = new List<Movie>(count);
        for (var id = 1; id <= count; id++)
        {
            var title = new StringBuilder(Title(random));
            if (random.NextDouble() < 0.2)
                title.Append(", ").Append(TrailingArticles[random.Next(TrailingArticles.Length)]);
            if (random.NextDouble() < 0.08)
                title.Append(" (").Append(Capitalised(AccentedWords[random.Next(AccentedWords.Length)])).Append(' ').Append(Title(random)).Append(')');
            var year = 1900 + random.Next(125);
            movies.Add(new Movie(id, $"{title} ({year})", year, ["Drama"]));
        }
        return movies;
    }

    /// <summary>How many ratings movie <paramref name="rank"/> (0 = most rated) gets: a long tail, most movies few or none.</summary>
    public static int RatingCount(int rank) => (int)(2_000 / Math.Pow(rank + 1, 0.8));

    private static string Title(Random random)
    {
        var words = 1 + random.Next(4);
        var parts = new string[words];
        for (var i = 0; i < words; i++)
            parts[i] = Capitalised(random.NextDouble() < 0.6 ? CommonWords[random.Next(CommonWords.Length)] : InventedWord(random));
        return string.Join(' ', parts);
    }

    private static string InventedWord(Random random)
    {
        var syllables = 2 + random.Next(3);
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++) word.Append(Syllables[random.Next(Syllables.Length)]);
        return word.ToString();
    }

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>A typing mistake in a text: one letter replaced, left out, doubled or swapped with the next, in a word of five or more letters when there is one.</summary>
    public static string WithTypo(string text, Random random)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5).ToArray();
        if (candidates.Length == 0) return text;
        var index = candidates[random.Next(candidates.Length)];
        var word = words[index];
        var at = 1 + random.Next(word.Length - 2);
        words[index] = random.Next(4) switch
        {
            0 => word[..at] + (char)('a' + random.Next(26)) + word[(at + 1)..],
            1 => word[..at] + word[(at + 1)..],
            2 => word[..at] + word[at] + word[at..],
            _ => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
        };
        return string.Join(' ', words);
    }

    /// <summary>The title as a person would type it: its first name in natural word order, folded, without the year.</summary>
    public static string AsTyped(Movie movie) => SearchText.TitleKey(movie.Title).Trim().Split(SearchText.NameSeparator)[0];
}
