using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;

namespace MovieRec.Tests.Recommending;

public class FamiliarNewTests
{
    private static IReadOnlyList<PersonRating> RatingsOf(int userId) => SmallServedModel.RatingsOf(userId);

    private static double MeanTrainCount(IEnumerable<ServedPick> picks)
    {
        var model = SmallServedModel.Served.Recommender.Model;
        return picks.Average(p => model.ItemRatingCounts[model.Items.IndexOf(p.MovieId)]);
    }

    [Fact]
    public void The_middle_step_serves_the_ranking_order_unchanged()
    {
        var served = SmallServedModel.Served;
        var ratings = RatingsOf(7);
        var profile = served.Profile(ratings);
        var excluded = ratings.Select(r => r.MovieId).ToHashSet();

        var picks = served.Picks(ratings, Exclusions.None, 10, explain: false, familiarNewStep: FamiliarNew.DefaultStep);

        Assert.Equal(served.Recommender.Recommend(profile, 10, excluded).Select(s => s.MovieId), picks.Select(p => p.MovieId));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(15)]
    [InlineData(64)]
    public void Each_step_toward_new_offers_less_popular_movies_and_familiar_more(int userId)
    {
        var served = SmallServedModel.Served;
        var ratings = RatingsOf(userId);

        var popularity = FamiliarNew.Steps.Select(step => MeanTrainCount(served.Picks(ratings, Exclusions.None, 10, false, step))).ToList();

        for (int step = 1; step < popularity.Count; step++)
            Assert.True(popularity[step] <= popularity[step - 1], $"step {step + 1}: {popularity[step]} after {popularity[step - 1]}");
        Assert.True(popularity[^1] < popularity[0]);
    }

    [Fact]
    public void Every_step_still_leaves_out_rated_and_hidden_movies_and_gives_n_picks()
    {
        var served = SmallServedModel.Served;
        var ratings = RatingsOf(15);
        var hidden = served.Picks(ratings, Exclusions.None, 5, false, FamiliarNew.MostNew).Select(p => p.MovieId).ToArray();

        foreach (int step in FamiliarNew.Steps)
        {
            var picks = served.Picks(ratings, Exclusions.None.With(hidden), 12, false, step);
            Assert.Equal(12, picks.Count);
            Assert.DoesNotContain(picks, p => hidden.Contains(p.MovieId) || ratings.Any(r => r.MovieId == p.MovieId));
            Assert.Equal(picks.Count, picks.Select(p => p.MovieId).Distinct().Count());
        }
    }

    [Fact]
    public void Steps_outside_one_to_five_are_named_as_a_problem()
    {
        Assert.Null(FamiliarNew.Problem(1));
        Assert.Null(FamiliarNew.Problem(5));
        Assert.NotNull(FamiliarNew.Problem(0));
        Assert.NotNull(FamiliarNew.Problem(6));
        Assert.Equal([1, 2, 3, 4, 5], FamiliarNew.Steps);
    }
}
