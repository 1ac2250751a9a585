using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Neighbourhood;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

/// <summary>The item-neighbourhood term of the predicted rating: its similarities against a dense reference, the term by hand, the blend.</summary>
public class NeighbourModelTests
{
    private static Rating[] RandomRatings(int seed, int users, int items, double density) =>
        RandomRatingSets.Uniform(seed, users, items, density);

    [Theory]
    [InlineData(1, 3, 30, 12, 0.5, 0)]
    [InlineData(2, 3, 30, 12, 0.5, 0)]
    [InlineData(1, 11, 30, 12, 0.5, 0)] // more kept than there are other movies: every positive one, then padding
    // Catalogues around the scan's eight-movie blocks, and one movie (no neighbour possible).
    [InlineData(1, 4, 25, 1, 0.6, 0)]
    [InlineData(1, 4, 25, 2, 0.9, 0)]
    [InlineData(2, 4, 25, 7, 0.6, 0)]
    [InlineData(1, 4, 25, 8, 0.6, 0)]
    [InlineData(2, 4, 25, 9, 0.6, 0)]
    [InlineData(1, 40, 25, 17, 0.6, 0)]
    // Many candidates per movie against few kept (the quickselect's partitions), on 1 and 2 threads.
    [InlineData(1, 5, 60, 90, 0.4, 0)]
    [InlineData(2, 5, 60, 90, 0.4, 0)]
    [InlineData(2, 37, 60, 90, 0.4, 0)]
    // Movies rated exactly alike have equal similarities: ties go to the smaller movie.
    [InlineData(1, 2, 30, 20, 0.5, 6)]
    [InlineData(2, 3, 30, 40, 0.5, 12)]
    public void Kept_neighbours_are_the_most_similar_by_a_dense_reference(int threads, int kept, int userCount, int itemCount, double density, int copies)
    {
        var ratings = WithCopiesOfTheFirstMovie(RandomRatings(seed: 3, users: userCount, items: itemCount, density: density), copies);
        var matrix = RatingMatrix.Build(ratings);
        var biases = BiasEstimator.Estimate(matrix, BiasMode.Sequential, 25, 10);
        var options = new TrainerOptions { NeighboursKept = kept, NeighboursUsed = 2, NeighbourShrinkage = 5, Threads = threads };

        var model = NeighbourFit.Fit(matrix, biases, options);

        // Dense reference: residual matrix E (NaN where not rated), cosine over co-raters / full norms, shrunk; pairs with one co-rater left out.
        int users = matrix.Users.Count, items = matrix.Items.Count;
        var e = new double[users, items];
        for (int u = 0; u < users; u++) for (int i = 0; i < items; i++) e[u, i] = double.NaN;
        foreach (var r in ratings)
        {
            int u = matrix.Users.IndexOf(r.UserId), i = matrix.Items.IndexOf(r.MovieId);
            e[u, i] = r.Value - biases.Mu - biases.User[u] - biases.Item[i];
        }
        double Norm(int i) => Math.Sqrt(Enumerable.Range(0, users).Where(u => !double.IsNaN(e[u, i])).Sum(u => e[u, i] * e[u, i]));
        int perItem = Math.Min(kept, items - 1);
        Assert.Equal(perItem, model.PerItem);
        for (int i = 0; i < items; i++)
        {
            var expected = new List<(int J, double S)>();
            for (int j = 0; j < items; j++)
            {
                if (j == i) continue;
                var both = Enumerable.Range(0, users).Where(u => !double.IsNaN(e[u, i]) && !double.IsNaN(e[u, j])).ToArray();
                double s = both.Sum(u => e[u, i] * e[u, j]) / (Norm(i) * Norm(j)) * both.Length / (both.Length + 5.0);
                if (s > 0 && both.Length >= NeighbourFit.MinimumCoRaters) expected.Add((j, s));
            }
            var best = expected.OrderByDescending(x => x.S).ThenBy(x => x.J).Take(perItem).ToArray();
            for (int n = 0; n < perItem; n++)
            {
                int at = i * perItem + n;
                if (n < best.Length)
                {
                    Assert.Equal(best[n].J, model.Neighbours[at]);
                    Assert.Equal(best[n].S, model.Similarities[at], tolerance: 1e-5); // float against double
                }
                else
                {
                    Assert.Equal(-1, model.Neighbours[at]);
                    Assert.Equal(0f, model.Similarities[at]);
                }
            }
        }
    }

    /// <summary>Movies 20, 30, ... (the next <paramref name="copies"/>) get exactly the ratings of movie 10, in place of their own.</summary>
    private static Rating[] WithCopiesOfTheFirstMovie(Rating[] ratings, int copies)
    {
        if (copies == 0) return ratings;
        var first = ratings.Where(r => r.MovieId == 10).ToArray();
        var copied = Enumerable.Range(2, copies).SelectMany(n => first.Select(r => r with { MovieId = 10 * n }));
        return ratings.Where(r => r.MovieId > 10 * (copies + 1)).Concat(first).Concat(copied).ToArray();
    }

    [Fact]
    public void Term_averages_the_most_similar_rated_neighbours_with_damping()
    {
        // Item 0's neighbours, best first: 3 (0.9), 1 (0.5), 2 (0.4), then padding; item 1 has none.
        var model = new NeighbourModel(PerItem: 4, Used: 2, Damping: 0.1,
            Neighbours: [3, 1, 2, -1, -1, -1, -1, -1],
            Similarities: [0.9f, 0.5f, 0.4f, 0, 0, 0, 0, 0],
            Blend: RatingBlend.Identity);
        // The person rated items 1, 2 and 5 (not 3): the two used are 1 and 2.
        var rated = new RatedResiduals([1, 2, 5], [1.0f, -0.5f, 2.0f]);

        Assert.Equal((0.5 * 1.0 + 0.4 * -0.5) / (0.5 + 0.4 + 0.1), model.Term(0, rated), 6);
        Assert.Equal(0, model.Term(1, rated));
        Assert.Equal(0, model.Term(0, new RatedResiduals([], [])));
    }

    [Fact]
    public void Served_prediction_is_the_blend_of_its_parts_and_the_plain_model_is_unchanged()
    {
        var ratings = RandomRatings(seed: 4, users: 40, items: 15, density: 0.6);
        var options = new TrainerOptions { Rank = 3, Iterations = 3, Ranking = false, NeighboursKept = 5, NeighboursUsed = 3 };
        var model = ModelTrainer.Train(ratings, options);
        var plain = model with { Neighbours = null };
        var person = ratings.Where(r => r.UserId == 1).Select(r => (r.MovieId, (double)r.Value)).ToList();
        var profile = FoldIn.Compute(model, person);
        var blended = new Recommender(model);

        Assert.NotNull(profile.Rated);
        foreach (int movieId in new[] { 10, 70, 150 })
        {
            int i = model.Items.IndexOf(movieId);
            double baseline = model.Mu + profile.Bias + model.ItemBias[i];
            double factors = MovieRec.Core.Engine.Numerics.VectorMath.Dot(profile.RatingVector!, model.ItemFactors.Row(i));
            double term = model.Neighbours!.Term(i, profile.Rated!);
            var blend = model.Blend;
            double expected = Math.Clamp(blend.Intercept + blend.Baseline * baseline + blend.Factors * factors + blend.Neighbours * term, 0.5, 5);
            Assert.Equal(expected, blended.PredictRating(profile, movieId), 9);
            // Without the term the prediction is the factor model's, exactly.
            Assert.Equal(Math.Clamp(baseline + factors, 0.5, 5), new Recommender(plain).PredictRating(FoldIn.Compute(plain, person), movieId), 12);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)] // with EASE on 15 movies: its weighted score rides along
    public void Picks_are_rescored_with_the_blended_rating_in_place_of_the_linear_rating_part(int easeItems)
    {
        var ratings = RandomRatings(seed: 5, users: 60, items: 40, density: 0.4);
        var options = new TrainerOptions { Rank = 4, Iterations = 3, RankingRank = 3, RankingIterations = 3, NeighboursKept = 8, NeighboursUsed = 4,
            EaseItems = easeItems, EaseWeight = 0.5 };
        var model = ModelTrainer.Train(ratings, options);
        var recommender = new Recommender(model);
        var person = ratings.Where(r => r.UserId == 2).ToList();
        var profile = FoldIn.Compute(model, person.Select(r => (r.MovieId, (double)r.Value)));
        var rated = person.Select(r => r.MovieId).ToHashSet();

        var picks = recommender.Recommend(profile, 5, rated);

        // Reference: every unrated movie (fewer than the re-scoring depth), scored in double.
        double weight = recommender.Index.PersonalRatingWeight(profile);
        double easeWeight = recommender.Index.PersonalEaseWeight(profile, options.EaseWeight);
        Assert.Equal(easeItems > 0, easeWeight > 0);
        double Ease(int i) => model.Ease?.PositionOf(i) is { } a and >= 0 ? easeWeight * profile.EaseScores![a] : 0;
        var blend = model.Blend;
        var expected = Enumerable.Range(0, model.Items.Count)
            .Where(i => !rated.Contains(model.Items.IdOf(i)))
            .Select(i => (Id: model.Items.IdOf(i), Score:
                MovieRec.Core.Engine.Numerics.VectorMath.Dot(profile.RankingVector!, model.Ranking!.ItemFactors.Row(i))
                + weight * (blend.Baseline * model.ItemBias[i]
                            + blend.Factors * MovieRec.Core.Engine.Numerics.VectorMath.Dot(profile.RatingVector!, model.ItemFactors.Row(i))
                            + blend.Neighbours * model.Neighbours!.Term(i, profile.Rated!))
                + Ease(i)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id).Take(5).ToArray();
        Assert.Equal(expected.Select(x => x.Id), picks.Select(p => p.MovieId));
        for (int n = 0; n < 5; n++)
        {
            Assert.Equal(expected[n].Score, picks[n].Score, 4);
            Assert.Equal(recommender.PredictRating(profile, picks[n].MovieId), picks[n].PredictedRating);
        }
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        var problems = TrainerOptionsValidator.Problems(new TrainerOptions { NeighboursKept = 10, NeighboursUsed = 11, NeighbourDamping = double.NaN, BlendFactors = double.PositiveInfinity });

        Assert.Contains(problems, p => p.Contains("neighbours used"));
        Assert.Contains(problems, p => p.Contains("neighbour damping"));
        Assert.Contains(problems, p => p.Contains("blend weights"));
    }
}
