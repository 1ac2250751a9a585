using MovieRec.Core.Import;

namespace MovieRec.Tests.Import;

public sealed class MovieTitleTests
{
    [Theory]
    [InlineData("Toy Story (1995)", 1995)]
    [InlineData("American President, The (1995)", 1995)]
    [InlineData("From Dusk Till Dawn 2: Texas Blood Money (1999) ", 1999)]
    [InlineData("Death Note: Desu nôto (2006–2007)", 2006)]
    [InlineData("Fawlty Towers (1975-1979)", 1975)]
    [InlineData("Still Running (2014– )", 2014)]
    [InlineData("Passage de Venus (1874)", 1874)]
    [InlineData("1984 (1984)", 1984)]
    [InlineData("Assembly (Ji jie hao) (2007) ", 2007)]
    public void The_year_is_read_from_the_end_of_the_title(string title, int expected)
    {
        Assert.Equal(expected, MovieTitle.YearOf(title));
    }

    [Theory]
    [InlineData("Babylon 5")]
    [InlineData("2001: A Space Odyssey")]
    [InlineData("Assembly (Ji jie hao)")]
    [InlineData("Number (12345)")]
    [InlineData("Far Future (3001)")]
    [InlineData("Odd (1995 remake)")]
    [InlineData("")]
    public void A_title_without_a_trailing_year_has_none(string title)
    {
        Assert.Null(MovieTitle.YearOf(title));
    }

    [Theory]
    [InlineData("01-Jan-1995", 1995)]
    [InlineData("18-Apr-1997 ", 1997)]
    [InlineData("", null)]
    [InlineData("unknown", null)]
    public void Ml_100k_release_dates_give_a_year(string releaseDate, int? expected)
    {
        Assert.Equal(expected, MovieTitle.YearOfReleaseDate(releaseDate));
    }
}
