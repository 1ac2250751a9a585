using MovieRec.Core.Storage;

namespace MovieRec.Tests.Storage;

/// <summary>
/// Names that look like another: mixed scripts, compatibility forms (fullwidth, mathematical,
/// circled letters) are refused with the reason; decomposed and precomposed accents are one name.
/// These need ICU: with InvariantGlobalization on, string.Normalize does nothing.
/// </summary>
public sealed class UsernameLookAlikeTests
{
    [Theory]
    [InlineData("adm\u0456n", "mixes Latin and Cyrillic")]      // Cyrillic і inside a Latin name
    [InlineData("p\u0430ypal", "mixes Latin and Cyrillic")]     // Cyrillic а
    [InlineData("\u03BFscar", "mixes Greek and Latin")]         // Greek ο first
    [InlineData("\uFF41dmin", "look-alike forms")]              // fullwidth ａ
    [InlineData("\U0001D41Admin", "look-alike forms")]          // mathematical bold 𝐚
    [InlineData("\u24D0dmin", "look-alike forms")]              // circled ⓐ
    [InlineData("admin\uFF11", "look-alike forms")]             // fullwidth digit １
    public void LookAlikeNames_AreRefusedSayingWhy(string username, string reason) =>
        Assert.Contains(reason, UsernameRules.Problem(username));

    [Theory]
    [InlineData("Zoë Saldaña")]
    [InlineData("Дмитрий")]
    [InlineData("Σωκράτης")]
    [InlineData("山田たろう")]     // Han with Hiragana
    [InlineData("김민준")]
    [InlineData("r2-d2_fan")]
    public void SingleScriptNames_AreAccepted(string username) => Assert.Null(UsernameRules.Problem(username));

    [Fact]
    public void DecomposedAndPrecomposedAccents_AreOneName()
    {
        string decomposed = "Emile\u0301".Replace("Emile\u0301", "E\u0301mile");
        string precomposed = "\u00C9mile";

        Assert.NotEqual(decomposed, precomposed);
        Assert.Equal(precomposed, UsernameRules.Normalize(decomposed));
        Assert.Equal(UsernameRules.ComparisonKey(precomposed), UsernameRules.ComparisonKey(decomposed));
        Assert.Null(UsernameRules.Problem(decomposed));
    }
}
