using MovieRec.Core.Catalog;

namespace MovieRec.Tests.Text;

/// <summary>The one folding rule of search: what titles, tags and typed text become before they are compared.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Amélie", "amelie")]
    [InlineData("AMÉLIE", "amelie")]
    [InlineData("Schindler's List", "schindlers list")]
    [InlineData("Schindler’s List", "schindlers list")]
    [InlineData("S.W.A.T.", "swat")]
    [InlineData("Spider-Man: Far from Home", "spider man far from home")]
    [InlineData("  Toy   Story  ", "toy story")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærø Œuvre Łódź Ðoð Þór", "aero oeuvre lodz dod thor")]
    [InlineData("ｆｕｌｌ ｗｉｄｔｈ ﬁlm", "full width film")]
    [InlineData("100% Love", "100 love")]
    [InlineData("a.*(b", "a b")]
    [InlineData("%_\\", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_IgnoresCaseAccentsAndPunctuation(string? text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Theory]
    [InlineData("Matrix, The (1999)", " the matrix ")]
    [InlineData("Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)", " amelie | le fabuleux destin damelie poulain ")]
    [InlineData("Auberge espagnole, L' (2002)", " lauberge espagnole ")]
    [InlineData("City of Lost Children, The (Cité des enfants perdus, La) (1995)", " the city of lost children | la cite des enfants perdus ")]
    [InlineData("Seven (a.k.a. Se7en) (1995)", " seven | se7en ")]
    [InlineData("Night of the Living Dead (1968)", " night of the living dead ")]
    [InlineData("Band of Brothers (2001-2001)", " band of brothers ")]
    [InlineData("Movie Without Year", " movie without year ")]
    // A comma before a word that is not an article is left where it is.
    [InlineData("Hello, Dolly! (1969)", " hello dolly ")]
    public void TitleKey_HoldsEveryNameInNaturalWordOrderWithoutTheYear(string title, string key) =>
        Assert.Equal(key, SearchText.TitleKey(title));

    [Theory]
    [InlineData("the matrix", new[] { "the matrix" })]
    [InlineData("matrix the", new[] { "matrix the", "the matrix" })]
    [InlineData("Matrix, The", new[] { "matrix the", "the matrix" })]
    [InlineData("auberge espagnole, l'", new[] { "auberge espagnole l", "lauberge espagnole" })]
    [InlineData("the", new[] { "the" })]
    [InlineData("?!", new string[0])]
    public void QueryForms_AlsoTryATrailingArticleInFront(string text, string[] forms) =>
        Assert.Equal(forms, SearchText.QueryForms(text));

    [Fact]
    public void Grams_AreTheDistinctRunsOfThreeCharacters()
    {
        Assert.Equal([" ab", "abc", "bc ", "c a", "abd", "bd "], SearchText.Grams(" abc abd "));
        Assert.Equal([" ma", "mat", "atr", "trx", "rx "], SearchText.NearGrams("Matrx"));
        Assert.Empty(SearchText.Grams("ab"));
        Assert.Empty(SearchText.NearGrams("!!"));
    }

    [Fact]
    public void NearTitles_KeepThoseSharingEnoughTrigrams_NearestThenMostRated()
    {
        TitleCandidate[] titles =
        [
            new(1, "Matrix Reloaded, The (2003)", 10),
            new(2, "Matrix, The (1999)", 300),
            new(3, "Toy Story (1995)", 500),
            // 2 of 5 trigrams of "matrx": below the minimum, however well known.
            new(4, "Matador (1986)", 1000),
        ];

        Assert.Equal([2, 1], NearTitles.Rank("matrx", titles, 10).Select(t => t.MovieId));
        Assert.Equal(0.6, NearTitles.Similarity(SearchText.NearGrams("matrx"), SearchText.TitleKey("Matrix, The (1999)")), 9);
        Assert.Equal(0.4, NearTitles.Similarity(SearchText.NearGrams("matrx"), SearchText.TitleKey("Matador (1986)")), 9);
        Assert.Equal([2], NearTitles.Rank("matrx", titles, 1).Select(t => t.MovieId));
    }
}
