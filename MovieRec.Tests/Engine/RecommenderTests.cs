using MovieRec.Core.Catalog;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Tests.Engine;

public class RecommenderTests
{
    private static readonly Lazy<Recommender> Trained = new(() =>
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 150, items: 120, perUser: 20, seed: 12);
        return new Recommender(ModelTrainer.Train(ratings, new TrainerOptions { Rank = 6, Iterations = 4, RankingRank = 8, RankingIterations = 4 }));
    });

    [Fact]
    public void Picks_never_contain_excluded_movies_and_come_best_first()
    {
        var recommender = Trained.Value;
        var profile = recommender.KnownProfile(5)!;
        var rated = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        var top = recommender.Recommend(profile, 20, rated);

        Assert.Equal(20, top.Count);
        Assert.DoesNotContain(top, pick => rated.Contains(pick.MovieId));
        for (int n = 1; n < top.Count; n++) Assert.True(top[n - 1].Score >= top[n].Score);
        Assert.All(top, pick => Assert.InRange(pick.PredictedRating!.Value, 0.5, 5.0));
    }

    [Fact]
    public void The_same_question_about_the_same_profile_is_answered_once_and_a_different_one_afresh()
    {
        var recommender = Trained.Value;
        var profile = recommender.KnownProfile(6)!;
        var rated = new HashSet<int> { 1, 2, 3 };
        var first = recommender.Recommend(profile, 10, rated);
        Assert.Same(first, recommender.Recommend(profile, 10, new HashSet<int> { 3, 2, 1 }));

        // Another exclusion, another n, or an equal but separate profile: ranked again, and right.
        int best = first[0].MovieId;
        var without = recommender.Recommend(profile, 10, new HashSet<int> { 1, 2, 3, best });
        Assert.DoesNotContain(without, pick => pick.MovieId == best);
        Assert.Equal(first.Skip(1).Select(p => p.MovieId), without.Take(9).Select(p => p.MovieId));
        Assert.Equal(first.Take(5), recommender.Recommend(profile, 5, rated));
        var twin = recommender.KnownProfile(6)!;
        var again = recommender.Recommend(twin, 10, rated);
        Assert.NotSame(first, again);
        Assert.Equal(first, again);
    }

    [Fact]
    public void The_pick_score_is_the_ranking_score_plus_the_weighted_rating_prediction()
    {
        var recommender = Trained.Value;
        var model = recommender.Model;
        var profile = recommender.KnownProfile(9)!;
        var scores = recommender.ScoreAll(profile);
        // The spreads over every movie of the two scores for this person, computed the plain way.
        var ranking = Enumerable.Range(0, model.Items.Count).Select(i => VectorMath.Dot(profile.RankingVector, model.Ranking!.ItemFactors.Row(i))).ToArray();
        var rating = Enumerable.Range(0, model.Items.Count).Select(i => model.ItemBias[i] + VectorMath.Dot(profile.RatingVector, model.ItemFactors.Row(i))).ToArray();
        double beta = model.Options.RankingRatingWeight * StandardDeviation(ranking) / StandardDeviation(rating);
        Assert.Equal(beta, recommender.Index.PersonalRatingWeight(profile), 3);
        for (int i = 0; i < model.Items.Count; i += 7)
        {
            // x . y_i + beta_u (b_i + w . q_i): the order-preserving part of x.y / s_x + beta r_hat / s_r
            Assert.Equal(ranking[i] + beta * rating[i], scores[i], 3);
        }
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    [Fact]
    public void Similar_movies_are_by_support_shrunk_cosine_over_q_and_exclude_the_movie_itself()
    {
        var recommender = Trained.Value;
        var model = recommender.Model;
        int movieId = 42, item = model.Items.IndexOf(movieId);
        var similar = recommender.Similar(movieId, 5);

        Assert.Equal(5, similar.Count);
        Assert.DoesNotContain(similar, s => s.MovieId == movieId);
        double Cosine(int other) => VectorMath.Dot(model.ItemFactors.Row(item), model.ItemFactors.Row(other))
                                    / (VectorMath.Norm(model.ItemFactors.Row(item)) * VectorMath.Norm(model.ItemFactors.Row(other)));
        // cos(q_i, q_j) * n_j / (n_j + 20)
        double Shrunk(int other) => Cosine(other) * model.ItemRatingCounts[other] / (model.ItemRatingCounts[other] + 20.0);
        var expected = Enumerable.Range(0, model.Items.Count).Where(i => i != item)
            .OrderByDescending(Shrunk).Take(5).Select(model.Items.IdOf).ToArray();
        Assert.Equal(expected, similar.Select(s => s.MovieId).ToArray());
        Assert.Equal(Shrunk(model.Items.IndexOf(similar[0].MovieId)), similar[0].Score, 4);
        Assert.Empty(recommender.Similar(123_456, 5));
    }

    [Fact]
    public void A_prediction_for_unknown_ids_drops_the_missing_terms()
    {
        var recommender = Trained.Value;
        var model = recommender.Model;
        Assert.Equal(Math.Clamp(model.Mu, 0.5, 5), recommender.PredictRating(UserProfile.Empty, 987_654), 12);
        Assert.Equal(model.Mu + model.ItemBias[0], recommender.PredictByIndex(-1, 0), 12);
    }

    [Fact]
    public void Content_neighbours_share_genres_and_tags()
    {
        var target = new Movie(1, "A", 2000, ["Comedy", "Romance"]) { Tags = ["quirky"] };
        Movie[] catalog =
        [
            target,
            new(2, "B", 2001, ["Comedy", "Romance"]) { Tags = ["quirky"] },  // 1 + 0.5 * 1
            new(3, "C", 2001, ["Comedy"]),                                    // 1/2
            new(4, "D", 2001, ["Horror"]),                                    // 0: left out
            new(5, "E", 2001, ["Romance", "comedy", "Drama"]),                // 2/3 (case-insensitive)
        ];
        var similar = ContentSimilarity.MostSimilar(target, catalog, 10);
        Assert.Equal([2, 5, 3], similar.Select(s => s.Movie.MovieId).ToArray());
        Assert.Equal(1.5, similar[0].Score, 12);
        Assert.Equal(2.0 / 3, similar[1].Score, 12);
    }
}
