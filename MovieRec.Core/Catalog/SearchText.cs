using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MovieRec.Core.Catalog;

/// <summary>
/// The one rule for matching what people type against titles and tags, used by both stores (their
/// stored keys) and by the ranking of near titles. Text is folded to lower-case letters and digits
/// without accents, one space between words; a title's key holds each of its names (MovieLens gives
/// alternative titles in parentheses) in natural word order, so "Matrix, The (1999)" is keyed
/// " the matrix " and "the matrix", "matrix" and "Matrix, The" all find it.
/// </summary>
public static partial class SearchText
{
    /// <summary>
    /// Bumped whenever <see cref="TitleKey"/>, <see cref="Fold"/> or <see cref="Grams"/> change, so
    /// that stored keys are rebuilt (SQLite: a migration; MongoDB: documents of an older version at open).
    /// </summary>
    public const int RuleVersion = 1;

    /// <summary>Separates a title's names in its key; folded text never contains it, so no match spans two names.</summary>
    public const string NameSeparator = " | ";

    /// <summary>Fewer characters than this are matched by scanning, not by the trigram index.</summary>
    public const int GramLength = 3;

    // Articles as MovieLens moves them to the end of a title ("Matrix, The", "Fabuleux destin
    // d'Amélie Poulain, Le"), folded: English, French, Spanish, Italian, German, Portuguese, Dutch
    // and the Scandinavian languages. "l" is French and Italian "l'" once its apostrophe is gone.
    private static readonly HashSet<string> Articles =
    [
        "the", "a", "an",
        "le", "la", "les", "l", "un", "une",
        "el", "los", "las", "una",
        "il", "lo", "i", "gli", "uno",
        "der", "die", "das", "ein", "eine",
        "o", "os", "as", "um", "uma",
        "de", "het", "een",
        "en", "ett", "et", "den", "det",
    ];

    // Elided articles join the next word without a space ("L'Auberge" folds to "lauberge").
    private const string ElidedArticle = "l";

    /// <summary>
    /// Lower case, accents and other marks removed (compatibility forms too: "ﬁ" is "fi", fullwidth
    /// letters are plain), apostrophes and dots dropped so that "Schindler's" is "schindlers" and
    /// "S.W.A.T." is "swat", every other non-letter-or-digit a word break, words one space apart.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        var breakPending = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (rune.Value is '\'' or '\u2019' or '\u02BC' or '\u2018' or '.')
                continue;
            if (!Rune.IsLetterOrDigit(rune))
            {
                breakPending = true;
                continue;
            }
            if (breakPending && folded.Length > 0) folded.Append(' ');
            breakPending = false;
            AppendLower(folded, rune);
        }
        return folded.ToString();
    }

    // Letters that carry no combining mark to remove but are written with plain letters when typed.
    private static void AppendLower(StringBuilder folded, Rune rune)
    {
        var lower = Rune.ToLowerInvariant(rune);
        switch (lower.Value)
        {
            case 'ß': folded.Append("ss"); break;
            case 'æ': folded.Append("ae"); break;
            case 'œ': folded.Append("oe"); break;
            case 'ø': folded.Append('o'); break;
            case 'ł': folded.Append('l'); break;
            case 'đ' or 'ð': folded.Append('d'); break;
            case 'þ': folded.Append("th"); break;
            case 'ı': folded.Append('i'); break;
            default: folded.Append(lower.ToString()); break;
        }
    }

    /// <summary>
    /// The stored search key of a title: its names (the main title and each parenthesised
    /// alternative, without the year), each with a trailing article moved to the front and folded,
    /// joined by <see cref="NameSeparator"/> and padded with a space at each end so that every word,
    /// the first and last too, has a space before and after it (word-start trigrams).
    /// </summary>
    public static string TitleKey(string title)
    {
        var names = YearSuffix().Replace(title, "")
            .Split(['(', ')'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Fold(ArticleFirst(AlsoKnownAs().Replace(name, ""))))
            .Where(name => name.Length > 0)
            .Distinct();
        return " " + string.Join(NameSeparator, names) + " ";
    }

    /// <summary>The stored key of a tag: tags match whole, after folding ("Dark comedy" and "dark-comedy" are one tag).</summary>
    public static string TagKey(string tag) => Fold(tag);

    /// <summary>
    /// What a search text is looked for as, each a substring of title keys: the text folded, and,
    /// when its last word is an article ("matrix the", "Matrix, The"), also with that article
    /// moved to the front. Empty when the text has no letter or digit.
    /// </summary>
    public static IReadOnlyList<string> QueryForms(string? text)
    {
        var folded = Fold(text);
        if (folded.Length == 0) return [];
        var lastBreak = folded.LastIndexOf(' ');
        if (lastBreak < 0) return [folded];
        var lastWord = folded[(lastBreak + 1)..];
        if (!Articles.Contains(lastWord)) return [folded];
        var joiner = lastWord == ElidedArticle ? "" : " ";
        return [folded, lastWord + joiner + folded[..lastBreak]];
    }

    /// <summary>Every distinct run of <see cref="GramLength"/> characters in the text, in order of first appearance.</summary>
    public static IReadOnlyList<string> Grams(string text)
    {
        var grams = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + GramLength <= text.Length; i++)
        {
            var gram = text.Substring(i, GramLength);
            if (seen.Add(gram)) grams.Add(gram);
        }
        return grams;
    }

    /// <summary>
    /// The trigrams a typed text is compared by when nothing contains it: its folded form padded
    /// like a key (" matrx "), so word starts and ends count.
    /// </summary>
    public static IReadOnlyList<string> NearGrams(string? text)
    {
        var folded = Fold(text);
        return folded.Length == 0 ? [] : Grams(" " + folded + " ");
    }

    private static string ArticleFirst(string name)
    {
        var match = TrailingArticle().Match(name);
        if (!match.Success || !Articles.Contains(Fold(match.Groups["article"].Value))) return name;
        var article = match.Groups["article"].Value;
        var joiner = article.EndsWith('\'') || article.EndsWith('\u2019') ? "" : " ";
        return article + joiner + match.Groups["rest"].Value;
    }

    // "(1999)" at the end, and the ranges of series "(2005-2007)".
    [GeneratedRegex(@"\(\s*\d{4}(\s*[-\u2013]\s*\d{0,4})?\s*\)\s*$")]
    private static partial Regex YearSuffix();

    [GeneratedRegex(@"^\s*a\.k\.a\.\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AlsoKnownAs();

    [GeneratedRegex(@"^(?<rest>.+),\s*(?<article>[\p{L}]+['\u2019]?)$")]
    private static partial Regex TrailingArticle();
}
