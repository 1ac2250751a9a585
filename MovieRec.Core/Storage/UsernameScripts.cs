using System.Text;

namespace MovieRec.Core.Storage;

/// <summary>
/// Which writing system each letter of a name belongs to, by Unicode block. A name may use one
/// script (Japanese may mix Han, Hiragana and Katakana, Korean Hangul and Han); digits, marks,
/// spaces and punctuation go with any. Mixing scripts is how look-alike names are made
/// ("pаypal" with a Cyrillic "а"), so it is refused with the two scripts named.
/// </summary>
internal static class UsernameScripts
{
    private enum Script { Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Thai, Georgian, Han, Kana, Hangul, Other }

    public static string? MixedScriptProblem(string name)
    {
        Script? first = null;
        foreach (Rune rune in name.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            var script = Of(rune.Value);
            if (first is null) { first = script; continue; }
            if (!Compatible(first.Value, script))
                return $"A username must use letters of one script; this one mixes {first} and {script} letters " +
                       $"(such as '{rune}'), which is how look-alike names are made.";
        }
        return null;
    }

    private static bool Compatible(Script a, Script b) =>
        a == b || (IsEastAsian(a) && IsEastAsian(b) && !(a == Script.Kana && b == Script.Hangul) && !(a == Script.Hangul && b == Script.Kana));

    private static bool IsEastAsian(Script s) => s is Script.Han or Script.Kana or Script.Hangul;

    private static Script Of(int c) => c switch
    {
        <= 0x024F => Script.Latin,                          // Basic Latin .. Latin Extended-B
        >= 0x1E00 and <= 0x1EFF => Script.Latin,            // Latin Extended Additional
        >= 0x2C60 and <= 0x2C7F or >= 0xA720 and <= 0xA7FF => Script.Latin,
        >= 0x0370 and <= 0x03FF or >= 0x1F00 and <= 0x1FFF => Script.Greek,
        >= 0x0400 and <= 0x052F or >= 0x2DE0 and <= 0x2DFF or >= 0xA640 and <= 0xA69F or >= 0x1C80 and <= 0x1C8F => Script.Cyrillic,
        >= 0x0530 and <= 0x058F => Script.Armenian,
        >= 0x0590 and <= 0x05FF => Script.Hebrew,
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F => Script.Arabic,
        >= 0x0900 and <= 0x097F => Script.Devanagari,
        >= 0x0E00 and <= 0x0E7F => Script.Thai,
        >= 0x10A0 and <= 0x10FF => Script.Georgian,
        >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF => Script.Kana,
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xAC00 and <= 0xD7AF => Script.Hangul,
        >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F => Script.Han,
        _ => Script.Other,
    };
}
