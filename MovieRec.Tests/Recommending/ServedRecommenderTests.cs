using MovieRec.Core.Catalog;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;

namespace MovieRec.Tests.Recommending;

public class ServedRecommenderTests
{
    private static IReadOnlyList<PersonRating> RatingsOf(int userId) => SmallServedModel.RatingsOf(userId);

    [Fact]
    public void Picks_never_hold_a_rated_or_excluded_movie_and_come_best_first_with_predictions_on_the_scale()
    {
        var served = SmallServedModel.Served;
        var ratings = RatingsOf(7);
        var firstPicks = served.Picks(ratings, Exclusions.None, 10);
        var hidden = firstPicks.Take(3).Select(p => p.MovieId).ToArray();

        var picks = served.Picks(ratings, Exclusions.None.With(hidden), 10);

        Assert.Equal(10, picks.Count);
        Assert.DoesNotContain(picks, p => ratings.Any(r => r.MovieId == p.MovieId) || hidden.Contains(p.MovieId));
        Assert.Equal(firstPicks.Skip(3).Select(p => p.MovieId), picks.Take(7).Select(p => p.MovieId));
        for (int n = 1; n < picks.Count; n++) Assert.True(picks[n - 1].Score >= picks[n].Score);
        Assert.All(picks, p => Assert.InRange(p.PredictedRating, 0.5, 5.0));
    }

    [Fact]
    public void Fold_in_never_throws_for_odd_ratings()
    {
        var served = SmallServedModel.Served;
        int known = SmallServedModel.Ratings[0].MovieId;
        PersonRating[][] odd =
        [
            [],
            [new(987_654, 4)],
            [new(known, 4)],
            [new(known, 4), new(known, 1), new(known, 5)],
            SmallServedModel.Ratings.Select(r => r.MovieId).Distinct().Take(40).Select(id => new PersonRating(id, 3)).ToArray(),
            [new(known, double.NaN), new(known + 1, double.PositiveInfinity), new(-5, 2)],
            [new(known, 0.5), new(int.MaxValue, 5), new(int.MinValue, 0.5)],
        ];
        foreach (var ratings in odd)
        {
            var picks = served.Picks(ratings, Exclusions.None, 10);
            Assert.All(picks, p => Assert.True(double.IsFinite(p.PredictedRating) && double.IsFinite(p.Score)));
            Assert.DoesNotContain(picks, p => ratings.Any(r => r.MovieId == p.MovieId));
        }
        Assert.Empty(served.Picks([], Exclusions.None, 10));
    }

    [Fact]
    public void The_popular_fallback_never_offers_a_rated_or_excluded_movie()
    {
        int[] mostPopularFirst = [10, 20, 30, 40, 50, 60];
        var exclusions = Exclusions.Rated([new PersonRating(20, 4), new PersonRating(40, 1)]).With([10]);

        var chosen = PopularFallback.Choose(mostPopularFirst, id => id, exclusions, 3);

        Assert.Equal([30, 50, 60], chosen);
        Assert.Equal(6, PopularFallback.CandidatesNeeded(3, exclusions));
    }

    [Fact]
    public void Similar_movies_come_from_the_model_and_by_content_for_a_movie_it_does_not_know()
    {
        var served = SmallServedModel.Served;
        int known = served.Recommender.Model.Items.IdOf(0);
        var byModel = served.Similar(known, 5);
        Assert.Equal(5, byModel.Count);
        Assert.All(byModel, s => Assert.Equal(SimilarityBasis.Ratings, s.Basis));
        Assert.Empty(served.Similar(987_654, 5));

        var target = new Movie(987_654, "New (2030)", 2030, ["Comedy", "Drama"]);
        var byContent = ServedRecommender.SimilarByContent(target,
            [new Movie(1, "A", 2000, ["Comedy", "Drama"]), new Movie(2, "B", 2000, ["Horror"]), new Movie(3, "C", 2000, ["Drama"])], 5);
        Assert.Equal([1, 3], byContent.Select(s => s.MovieId));
        Assert.All(byContent, s => Assert.Equal(SimilarityBasis.Content, s.Basis));
    }
}
