using MovieRec.Web.Display;

namespace MovieRec.Tests.Text;

public sealed class WordingTests
{
    [Theory]
    [InlineData(0, "0 ratings")]
    [InlineData(1, "1 rating")]
    [InlineData(2, "2 ratings")]
    [InlineData(6919, "6,919 ratings")]
    public void Counts_use_the_plural_rule(long count, string expected) => Assert.Equal(expected, Wording.Ratings(count));

    [Fact]
    public void One_movie_is_singular() => Assert.Equal("1 movie", Wording.Movies(1));

    [Theory]
    [InlineData(4.17, "4.2")]
    [InlineData(4.19, "4.2")]
    [InlineData(4.25, "4.3")]
    [InlineData(3.0, "3.0")]
    public void A_mean_has_one_decimal_everywhere(double mean, string expected) => Assert.Equal(expected, Wording.Mean(mean));

    [Fact]
    public void A_movie_nobody_rated_says_so_without_a_count()
    {
        Assert.Equal("Not rated yet", Wording.MeanFrom(null, 0));
        Assert.Equal("3.8 from 7 ratings", Wording.MeanFrom(3.8, 7));
        Assert.Equal("5.0 from 1 rating", Wording.MeanFrom(5, 1));
    }
}
