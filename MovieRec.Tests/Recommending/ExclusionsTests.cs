using MovieRec.Core.Recommending;

namespace MovieRec.Tests.Recommending;

public class ExclusionsTests
{
    [Fact]
    public void The_rated_movies_from_a_list_or_a_lazy_sequence_are_the_same_set()
    {
        PersonRating[] ratings = [new(5, 4), new(9, 2), new(5, 3)];

        var fromList = Exclusions.Rated(ratings);
        var fromSequence = Exclusions.Rated(ratings.Where(_ => true));

        Assert.True(fromList.MovieIds.SetEquals([5, 9]));
        Assert.True(fromSequence.MovieIds.SetEquals([5, 9]));
    }

    [Fact]
    public void Nothing_more_leaves_the_exclusions_as_they_are_and_more_adds_without_changing_them()
    {
        var rated = Exclusions.Rated([new(1, 4), new(2, 3)]);

        Assert.Same(rated, rated.With([]));
        Assert.True(rated.With(Enumerable.Empty<int>().Where(_ => true)).MovieIds.SetEquals([1, 2]));
        var more = rated.With([2, 7]);
        Assert.True(more.MovieIds.SetEquals([1, 2, 7]));
        Assert.True(rated.MovieIds.SetEquals([1, 2])); // the first set is not changed
    }
}
