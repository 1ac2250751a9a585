using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Ease;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

/// <summary>EASE on the most-rated movies: the fit against a dense reference, a person's scores, and the picks it enters.</summary>
public class EaseModelTests
{
    private static Rating[] RandomRatings(int seed, int users, int items, double density) =>
        RandomRatingSets.LowerIdsRatedMore(seed, users, items, density);

    [Fact]
    public void Fit_is_the_closed_form_on_the_most_rated_movies_by_a_dense_reference()
    {
        var ratings = RandomRatings(seed: 5, users: 40, items: 14, density: 0.5);
        var matrix = RatingMatrix.Build(ratings);
        const int count = 8;
        const double lambda = 3;

        var ease = EaseFit.Fit(matrix, count, lambda);

        // The set: the 8 movies with the most ratings, ties to the smaller movie id.
        var expectedSet = ratings.GroupBy(r => r.MovieId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(count).Select(g => g.Key).ToArray();
        Assert.Equal(expectedSet, ease.Items.Select(i => matrix.Items.IdOf(i)).ToArray());

        // Dense reference: X binary (users x set), P = (X^T X + lambda I)^-1, B = I - P diag(1 / diag P).
        var x = Matrix<double>.Build.Dense(matrix.Users.Count, count);
        foreach (var r in ratings)
            if (Array.IndexOf(expectedSet, r.MovieId) is var a and >= 0) x[matrix.Users.IndexOf(r.UserId), a] = 1;
        var p = (x.TransposeThisAndMultiply(x) + lambda * Matrix<double>.Build.DenseIdentity(count)).Inverse();
        for (int a = 0; a < count; a++)
            for (int b = 0; b < count; b++)
            {
                double expected = a == b ? 0 : -p[a, b] / p[b, b];
                Assert.True(Math.Abs(expected - ease.Weights[a * count + b]) < 1e-5, $"B[{a},{b}]: expected {expected}, got {ease.Weights[a * count + b]}");
            }
    }

    [Fact]
    public void A_persons_scores_sum_the_rows_of_the_movies_they_rated_in_the_set()
    {
        var ease = new EaseModel([4, 1, 3], [0, 1, 2, 10, 0, 20, 100, 200, 0], catalogueSize: 6);

        var scores = ease.Scores([1, 3, 5]); // 1 and 3 are positions 1 and 2; 5 is outside the set

        Assert.Equal([10f + 100f, 0f + 200f, 20f + 0f], scores);
        Assert.Equal(-1, ease.PositionOf(5));
        // Spread over the catalogue of 6, zeros outside the set: sd of {110, 200, 20, 0, 0, 0}.
        double mean = 330 / 6.0, sd = Math.Sqrt((110 * 110 + 200 * 200 + 20 * 20) / 6.0 - mean * mean);
        Assert.Equal(sd, EaseModel.Spread(scores, 6), 9);
    }

    [Fact]
    public void Picks_are_the_best_by_the_linear_score_plus_the_weighted_EASE_score()
    {
        var ratings = RandomRatings(seed: 7, users: 60, items: 40, density: 0.35);
        var options = new TrainerOptions
        {
            Rank = 4, Iterations = 3, RankingRank = 4, RankingIterations = 3, NeighboursKept = 0,
            EaseItems = 15, EaseLambda = 5, EaseWeight = 1.5, Threads = 1,
        };
        var model = ModelTrainer.Train(ratings, options);
        var recommender = new Recommender(model);
        Assert.NotNull(model.Ease);

        foreach (int userId in new[] { 1, 2, 3, 4, 5 })
        {
            var own = ratings.Where(r => r.UserId == userId).ToArray();
            var profile = FoldIn.Compute(model, own.Select(r => (r.MovieId, (double)r.Value)));
            Assert.True(recommender.Index.PersonalEaseWeight(profile, options.EaseWeight) > 0);

            // Reference: every movie's linear pick score plus gamma_u e_i, rated movies out, best first, ties to the smaller index.
            var query = recommender.Index.PickQuery(profile);
            double weight = recommender.Index.PersonalEaseWeight(profile, options.EaseWeight);
            var rated = own.Select(r => model.Items.IndexOf(r.MovieId)).ToHashSet();
            var linear = new float[model.Items.Count];
            ScoringIndex.MultiplyRows(recommender.Index.PickRows, query, linear); // the full single-precision pass
            var expected = Enumerable.Range(0, model.Items.Count).Where(i => !rated.Contains(i))
                .Select(i =>
                {
                    int a = model.Ease!.PositionOf(i);
                    return (Item: i, Score: a >= 0 ? linear[i] + (float)(weight * profile.EaseScores![a]) : linear[i]);
                })
                .OrderByDescending(s => s.Score).ThenBy(s => s.Item).Take(10).ToArray();

            var picks = recommender.Recommend(profile, 10, own.Select(r => r.MovieId).ToHashSet());

            Assert.Equal(expected.Select(e => model.Items.IdOf(e.Item)), picks.Select(p => p.MovieId));
            for (int n = 0; n < picks.Count; n++) Assert.Equal(expected[n].Score, picks[n].Score, 1e-4);
            // ScoreAll, which the evaluation's candidate scoring reads, agrees.
            var all = recommender.ScoreAll(profile);
            for (int n = 0; n < picks.Count; n++) Assert.Equal(picks[n].Score, all[model.Items.IndexOf(picks[n].MovieId)], 1e-4);
        }
    }

    [Fact]
    public void A_trained_profile_without_ratings_gets_no_EASE_score()
    {
        var ratings = RandomRatings(seed: 8, users: 30, items: 20, density: 0.4);
        var model = ModelTrainer.Train(ratings, new TrainerOptions { Rank = 3, Iterations = 2, RankingRank = 3, RankingIterations = 2, EaseItems = 10, Threads = 1 });

        var known = new Recommender(model).KnownProfile(1)!;

        Assert.Null(known.EaseScores);
        Assert.Equal(0, new Recommender(model).Index.PersonalEaseWeight(known, 0.5));
    }
}
