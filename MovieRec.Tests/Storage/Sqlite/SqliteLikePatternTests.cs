using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Storage.Sqlite;

public sealed class SqliteLikePatternTests
{
    [Theory]
    [InlineData("toy", "%toy%")]
    [InlineData("100%", @"%100\%%")]
    [InlineData("snake_eyes", @"%snake\_eyes%")]
    [InlineData(@"a\b", @"%a\\b%")]
    [InlineData(@"%_\", @"%\%\_\\%")]
    [InlineData("a.*(b", "%a.*(b%")]
    public void SearchText_BecomesALiteralSubstringPattern(string text, string pattern)
    {
        Assert.Equal(pattern, SqliteLikePattern.Contains(text));
        Assert.Equal(@"ESCAPE '\'", SqliteLikePattern.EscapeClause);
    }
}
