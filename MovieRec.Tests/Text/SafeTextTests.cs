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
}
