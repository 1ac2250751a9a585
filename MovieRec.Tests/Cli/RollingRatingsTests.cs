using MovieRec.Core.Recommending;
using MovieRec.Web.Cli;

namespace MovieRec.Tests.Cli;

/// <summary>
/// bench recommend's person who rates one more movie before each sample keeps its size: the
/// earlier bench let the "person of 60 ratings" grow by a rating a sample, to about 1,100.
/// </summary>
public class RollingRatingsTests
{
    [Fact]
    public void A_new_movie_comes_in_and_the_oldest_rating_makes_way()
    {
        var person = new RollingRatings([new(1, 4), new(2, 3), new(3, 5)]);

        var now = person.RateOneMore(9, 2.5);

        Assert.Equal([new(2, 3), new(3, 5), new(9, 2.5)], now);
    }

    [Fact]
    public void A_re_rating_keeps_the_same_movies_with_the_new_value_last()
    {
        var person = new RollingRatings([new(1, 4), new(2, 3), new(3, 5)]);

        var now = person.RateOneMore(2, 1);

        Assert.Equal([new(1, 4), new(3, 5), new(2, 1)], now);
    }

    [Fact]
    public void A_thousand_new_ratings_leave_the_person_the_size_they_started_with()
    {
        var random = new Random(3);
        var person = new RollingRatings(Enumerable.Range(1, 60).Select(id => new PersonRating(id, 3)));

        PersonRating[] now = [];
        for (int n = 0; n < 1_000; n++) now = person.RateOneMore(1 + random.Next(500), 4);

        Assert.Equal(60, now.Length);
        Assert.Equal(60, now.Select(r => r.MovieId).Distinct().Count());
    }

    [Fact]
    public void Two_ratings_of_one_movie_are_refused() =>
        Assert.Throws<ArgumentException>(() => new RollingRatings([new(1, 4), new(1, 3)]));
}
