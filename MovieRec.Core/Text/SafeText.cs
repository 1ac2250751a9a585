using System.Globalization;
using System.Text;

namespace MovieRec.Core.Text;

/// <summary>
/// The rules for text that came from outside (imported titles and tags) and for shortening text
/// for display. One owner, so that the import, the pages and the charts agree.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// Removes control characters (C0, C1, DEL) and the invisible bidi controls (embeddings,
    /// overrides, isolates, marks) that would flip the text around them. Zero-width joiners stay:
    /// they are part of emoji and some scripts. Returns the same instance when nothing was removed.
    /// </summary>
    public static string RemoveControlCharacters(string text, out int removed)
    {
        removed = 0;
        foreach (char c in text) if (IsRemoved(c)) removed++;
        if (removed == 0) return text;
        var kept = new StringBuilder(text.Length - removed);
        foreach (char c in text) if (!IsRemoved(c)) kept.Append(c);
        return kept.ToString();
    }

    private static bool IsRemoved(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>
    /// The text cut to at most <paramref name="maxGraphemes"/> user-perceived characters, with "…"
    /// in place of the rest. Cuts between grapheme clusters, so never inside a surrogate pair,
    /// a combining sequence or a joined emoji.
    /// </summary>
    public static string Truncate(string text, int maxGraphemes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGraphemes, 1);
        var graphemes = StringInfo.GetTextElementEnumerator(text);
        int count = 0;
        while (graphemes.MoveNext())
        {
            // Room is left for the ellipsis: the kept part is maxGraphemes - 1 clusters long.
            if (++count == maxGraphemes)
            {
                int cut = graphemes.ElementIndex;
                return graphemes.MoveNext() ? text[..cut] + "…" : text;
            }
        }
        return text;
    }

    /// <summary>
    /// The text broken into lines of at most <paramref name="lineGraphemes"/> user-perceived
    /// characters, at spaces where it can and between graphemes inside a word too long for a line;
    /// at most <paramref name="maxLines"/> lines, the last ending in "…" when text was left over.
    /// Like <see cref="Truncate"/>, never splits a surrogate pair, a combining sequence or an emoji.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int lineGraphemes, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineGraphemes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var lines = new List<string>();
        var line = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int w = 0; w < words.Length; w++)
        {
            var word = Graphemes(words[w]);
            // A word that does not fit on the current line starts a new one; a word longer than a
            // whole line is cut into line-sized pieces.
            if (line.Count > 0 && line.Count + 1 + word.Count > lineGraphemes)
            {
                lines.Add(string.Concat(line));
                line.Clear();
            }
            if (line.Count > 0) line.Add(" ");
            foreach (var grapheme in word)
            {
                if (line.Count == lineGraphemes)
                {
                    lines.Add(string.Concat(line));
                    line.Clear();
                }
                line.Add(grapheme);
            }
            if (lines.Count >= maxLines) break;
        }
        if (line.Count > 0) lines.Add(string.Concat(line));
        if (lines.Count <= maxLines) return lines;
        // Text was left over: the last line kept makes room for the ellipsis.
        var kept = lines.Take(maxLines).ToList();
        var lastLine = Graphemes(kept[^1]);
        if (lastLine.Count >= lineGraphemes) lastLine.RemoveRange(lineGraphemes - 1, lastLine.Count - (lineGraphemes - 1));
        kept[^1] = string.Concat(lastLine).TrimEnd() + "…";
        return kept;
    }

    private static List<string> Graphemes(string text)
    {
        var graphemes = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext()) graphemes.Add(enumerator.GetTextElement());
        return graphemes;
    }
}
