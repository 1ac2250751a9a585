using System.Globalization;
using System.Text;

namespace MovieRec.Core.Storage;

/// <summary>
/// What a username may be: 1 to 64 characters, no control or invisible characters, no leading or
/// trailing spaces, no compatibility look-alikes (fullwidth or mathematical letters) and letters
/// of one script only (<see cref="UsernameScripts"/>), so that no two accepted names look alike
/// through a swapped Cyrillic "і" or a fullwidth "ａ". Names are stored in Unicode NFC (an "é"
/// typed as e + accent is the same name as the precomposed "é") and compared without case
/// ("Alice" = "alice"). Normalisation needs ICU (libicu72 on Debian): the app runs with
/// InvariantGlobalization off for this. The web form can call <see cref="Problem"/> to explain a
/// refusal before the store sees the name.
/// </summary>
public static class UsernameRules
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="username"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
            return "A username cannot be empty.";
        if (username.Length > MaxLength)
            return $"A username can have at most {MaxLength} characters; this one has {username.Length}.";
        if (username.Any(IsHiddenCharacter))
            return "A username cannot contain control or invisible characters such as tabs, line breaks or zero-width spaces.";
        if (char.IsWhiteSpace(username[0]) || char.IsWhiteSpace(username[^1]))
            return "A username cannot start or end with a space.";
        string nfc = Normalize(username);
        if (!nfc.IsNormalized(NormalizationForm.FormKC))
            return CompatibilityProblem;
        return UsernameScripts.MixedScriptProblem(nfc);
    }

    /// <summary>The form a name is stored and looked up in: Unicode NFC.</summary>
    public static string Normalize(string username) => username.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The names import gives dataset users ("movielens-42" for MovieLens user 42). A new account
    /// may not take one: the store tells an imported dataset user from a person who registered in
    /// the app by this name (<see cref="UserAccount.IsDatasetUser"/>), so it must stay import's.
    /// </summary>
    public const string DatasetPrefix = "movielens-";

    /// <summary>Why <paramref name="username"/> cannot be the name of a new account, or null when it can.</summary>
    public static string? NewAccountProblem(string? username) =>
        Problem(username) ?? (username!.StartsWith(DatasetPrefix, StringComparison.OrdinalIgnoreCase)
            ? $"Names starting with \"{DatasetPrefix}\" belong to imported MovieLens users; choose another."
            : null);

    /// <summary>
    /// The form two names are compared in: NFC, then lower-cased with the invariant culture, which
    /// folds the case of every script, not only ASCII as SQLite's NOCASE would.
    /// </summary>
    public static string ComparisonKey(string username) => Normalize(username).ToLowerInvariant();

    internal static string Key(string username) => ComparisonKey(username);

    private const string CompatibilityProblem =
        "A username cannot contain look-alike forms of letters or digits such as fullwidth (ａ), mathematical (𝐚) or circled (ⓐ) ones: type the plain letters instead.";

    // Invisible characters would let "admin" and "adm\u200Bin" look the same on a page.
    private static bool IsHiddenCharacter(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
