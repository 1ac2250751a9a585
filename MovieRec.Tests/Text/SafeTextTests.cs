using MovieRec.Core.Text;

namespace MovieRec.Tests.Text;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("27 ratings\u202E", "27 ratings", 1)]
    [InlineData("A\u0000B\u0007C\u007F\u0085", "ABC", 4)]
    [InlineData("\u2066x\u2069\u200Ey\u200F\u061C", "xy", 5)]
    [InlineData("Amélie (2001)", "Amélie (2001)", 0)]
    public void Control_and_bidi_control_characters_are_removed_and_counted(string text, string expected, int expectedRemoved)
    {
        Assert.Equal(expected, SafeText.RemoveControlCharacters(text, out int removed));
        Assert.Equal(expectedRemoved, removed);
    }

    [Fact]
    public void A_zero_width_joiner_in_an_emoji_stays()
    {
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        Assert.Equal(family, SafeText.RemoveControlCharacters(family, out int removed));
        Assert.Equal(0, removed);
    }

    [Fact]
    public void Truncation_never_cuts_a_surrogate_pair()
    {
        // Each 𝔸 is two UTF-16 units: a cut by length would leave a lone high surrogate.
        string text = string.Concat(Enumerable.Repeat("\U0001D538", 10));
        string cut = SafeText.Truncate(text, 4);
        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001D538", 3)) + "…", cut);
        // A lone surrogate enumerates as U+FFFD.
        Assert.DoesNotContain(System.Text.Rune.ReplacementChar, cut.EnumerateRunes());
    }

    [Fact]
    public void Truncation_keeps_a_letter_with_its_combining_accent_and_joined_emoji_whole()
    {
        string accented = string.Concat(Enumerable.Repeat("e\u0301", 5));
        Assert.Equal("e\u0301e\u0301…", SafeText.Truncate(accented, 3));
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        Assert.Equal(family + "…", SafeText.Truncate(family + family + family, 2));
    }

    [Theory]
    [InlineData("Heat (1995)", 34, "Heat (1995)")]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdefg", 6, "abcde…")]
    public void Short_text_is_kept_and_long_text_ends_in_an_ellipsis(string text, int max, string expected) =>
        Assert.Equal(expected, SafeText.Truncate(text, max));

    [Theory]
    [InlineData("The Good, the Bad and the Ugly", 12, 6, new[] { "The Good,", "the Bad and", "the Ugly" })]
    [InlineData("Heat", 12, 6, new[] { "Heat" })]
    [InlineData("abcdefghijklmnopqrstuvwxyz", 10, 6, new[] { "abcdefghij", "klmnopqrst", "uvwxyz" })]
    [InlineData("one two three four five six", 5, 2, new[] { "one", "two…" })]
    [InlineData("abcdefghijklmnopqrstuvwxyz", 10, 2, new[] { "abcdefghij", "klmnopqrs…" })]
    [InlineData("  spaced   out  ", 20, 2, new[] { "spaced out" })]
    public void Wrap_breaks_at_spaces_cuts_long_words_and_marks_what_was_left_out(string text, int width, int lines, string[] expected)
    {
        Assert.Equal(expected, SafeText.Wrap(text, width, lines));
    }

    [Fact]
    public void Wrap_never_splits_a_surrogate_pair()
    {
        string text = string.Concat(Enumerable.Repeat("😀", 30));

        var lines = SafeText.Wrap(text, 7, 3);

        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.DoesNotContain('\uFFFD', System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(line))));
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 6)) + "…", lines[^1]);
    }
}
