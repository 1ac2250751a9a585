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
}
