using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Storage.Sqlite;

/// <summary>The SQL pieces of the SQLite title search that do not need a database to check.</summary>
public sealed class SqliteTitleSearchTests
{
    [Fact]
    public void RareGrams_TakeTheRarestWhileTheirTitlesFitTheBudget_AndAlwaysTwo()
    {
        var holding = new Dictionary<string, long> { [" ma"] = 9_000, ["mat"] = 1_500, ["atr"] = 900, ["trx"] = 0, ["rx "] = 2 };

        Assert.Equal(["trx", "rx ", "atr", "mat"], SqliteTitleSearch.RareGrams(holding));
        Assert.Equal([" th", "the"], SqliteTitleSearch.RareGrams(new Dictionary<string, long> { ["the"] = 30_000, [" th"] = 20_000, ["he "] = 40_000 }));
        Assert.Empty(SqliteTitleSearch.RareGrams(new Dictionary<string, long>()));
    }

    [Fact]
    public void Phrases_AreQuotedSoTheTextIsNeverFts5Syntax()
    {
        Assert.Equal("\"the matrix\" OR \"matrix the\"", SqliteTitleSearch.AnyPhrase(["the matrix", "matrix the"]));
        Assert.Equal("\"a\"\"b\"", SqliteTitleSearch.AnyPhrase(["a\"b"]));
    }
}
