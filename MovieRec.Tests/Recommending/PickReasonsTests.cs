using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;

namespace MovieRec.Tests.Recommending;

/// <summary>"Because you rated X" only when it holds, on one fixed model (fixed data, seed and options).</summary>
public class PickReasonsTests
{
    private static IReadOnlyList<PersonRating> RatingsOf(int userId) => SmallServedModel.RatingsOf(userId);

    // Dense reference, written apart from the code under test: cos(q_pick, q_x) * n_x / (n_x + 20) in double.
    private static double Reference(int pickId, int otherId)
    {
        var model = SmallServedModel.Recommender.Model;
        int a = model.Items.IndexOf(pickId), b = model.Items.IndexOf(otherId);
        ReadOnlySpan<double> qa = model.ItemFactors.Row(a), qb = model.ItemFactors.Row(b);
        double dot = 0, na = 0, nb = 0;
        for (int c = 0; c < qa.Length; c++) { dot += qa[c] * qb[c]; na += qa[c] * qa[c]; nb += qb[c] * qb[c]; }
        int n = model.ItemRatingCounts[b];
        return dot / Math.Sqrt(na * nb) * n / (n + 20.0);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(15)]
    [InlineData(64)]
    public void The_reason_movie_is_always_the_nearest_of_the_persons_liked_movies_to_the_pick(int userId)
    {
        // No threshold: every pick with a liked movie the model knows gets one, so each can be checked.
        var served = new ServedRecommender(SmallServedModel.Recommender, reasonThreshold: double.NegativeInfinity);
        var ratings = RatingsOf(userId);
        var liked = ratings.Where(r => r.Value >= 4.0 && r.Value >= ratings.Average(x => x.Value)).Select(r => r.MovieId)
            .Where(id => SmallServedModel.Recommender.Model.Items.IndexOf(id) >= 0).ToList();
        Assert.NotEmpty(liked);

        var picks = served.Picks(ratings, Exclusions.None, 20);

        Assert.Equal(20, picks.Count);
        foreach (var pick in picks)
        {
            Assert.NotNull(pick.BecauseYouRated);
            Assert.Contains(pick.BecauseYouRated!.Value, liked);
            double best = liked.Max(id => Reference(pick.MovieId, id));
            Assert.Equal(best, Reference(pick.MovieId, pick.BecauseYouRated.Value), 4);
        }
    }

    [Fact]
    public void A_pair_below_the_threshold_gives_no_because_you_rated_and_one_just_above_it_does()
    {
        var recommender = SmallServedModel.Recommender;
        var ratings = RatingsOf(7);
        var liked = PickReasons.Liked(ratings);
        int pick = new ServedRecommender(recommender, double.NegativeInfinity).Picks(ratings, Exclusions.None, 1)[0].MovieId;
        double nearest = liked.Where(id => recommender.Model.Items.IndexOf(id) >= 0).Max(id => Reference(pick, id));

        var above = new PickReasons(recommender, threshold: nearest + 1e-4).Explain(ratings, [pick]);
        var below = new PickReasons(recommender, threshold: nearest - 1e-4).Explain(ratings, [pick]);

        Assert.False(above.ContainsKey(pick));
        Assert.True(below.ContainsKey(pick));
    }

    [Fact]
    public void Only_highly_rated_movies_can_be_a_reason_even_for_someone_who_rates_everything_low()
    {
        var recommender = SmallServedModel.Recommender;
        var movies = SmallServedModel.Ratings.Select(r => r.MovieId).Distinct().Take(12).ToList();
        // Their mean is 2: a 3.5 is above it, but not "highly rated".
        var ratings = movies.Select((id, n) => new PersonRating(id, n == 0 ? 3.5 : 1.9)).ToList();
        var served = new ServedRecommender(recommender, reasonThreshold: double.NegativeInfinity);

        Assert.Empty(PickReasons.Liked(ratings));
        Assert.All(served.Picks(ratings, Exclusions.None, 10), p => Assert.Null(p.BecauseYouRated));
    }

    [Fact]
    public void The_measured_threshold_allows_for_choosing_the_nearest_of_many_liked_movies()
    {
        var recommender = SmallServedModel.Recommender;
        var sample = ItemSimilarity.RandomPairs(recommender, PickReasons.SamplePairs);
        var reasons = new PickReasons(recommender);

        // One liked movie: the p95 of random pairs; fifty: the 0.95^(1/50) = p99.897.
        Assert.Equal(sample[94_999], reasons.ThresholdFor(1));
        Assert.Equal(0.95, sample.Count(s => s < reasons.ThresholdFor(1)) / (double)sample.Length, 2);
        Assert.Equal(sample[(int)Math.Ceiling(Math.Pow(0.95, 1 / 50.0) * sample.Length) - 1], reasons.ThresholdFor(50));
        Assert.True(reasons.ThresholdFor(50) > reasons.ThresholdFor(10) && reasons.ThresholdFor(10) > reasons.ThresholdFor(1));
        Assert.True(reasons.ThresholdFor(1) > ItemSimilarity.Percentile(sample, 0.5));
    }

    [Fact]
    public void Of_fifty_liked_movies_unrelated_to_the_pick_the_nearest_reaches_the_threshold_about_one_time_in_twenty()
    {
        // The rule's promise, checked on the model's own random pairs: draw 50 "liked" similarities
        // at random many times and count how often their maximum reaches the threshold.
        var recommender = SmallServedModel.Recommender;
        var reasons = new PickReasons(recommender);
        var other = ItemSimilarity.RandomPairs(recommender, 50_000, seed: 99);
        var random = new Random(5);
        int reached = 0, trials = 4_000;
        for (int t = 0; t < trials; t++)
        {
            double nearest = Enumerable.Range(0, 50).Max(_ => other[random.Next(other.Length)]);
            if (nearest >= reasons.ThresholdFor(50)) reached++;
        }
        Assert.InRange(reached / (double)trials, 0.02, 0.09);
    }

    [Fact]
    public void Another_true_reason_is_chosen_when_no_rated_movie_is_near_enough()
    {
        var near = new ServedPick(1, 3.0, 1, BecauseYouRated: 9);
        var far = new ServedPick(2, 4.2, 1, BecauseYouRated: null);
        var lukewarm = new ServedPick(3, 3.6, 1, BecauseYouRated: null);
        string[] favourites = ["Sci-Fi", "Drama"];

        Assert.Equal(new PickReason(PickReasonKind.BecauseYouRated, MovieId: 9), PickReason.Choose(near, ["Drama"], favourites));
        Assert.Equal(new PickReason(PickReasonKind.FavouriteGenre, Genre: "Sci-Fi"), PickReason.Choose(far, ["Drama", "Sci-Fi"], favourites));
        Assert.Equal(new PickReason(PickReasonKind.PeopleLikeYou), PickReason.Choose(far, ["Comedy"], favourites));
        Assert.Null(PickReason.Choose(lukewarm, ["Comedy"], favourites));
    }
}
