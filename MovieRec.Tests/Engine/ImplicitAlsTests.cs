using MovieRec.Core.Engine;

namespace MovieRec.Tests.Engine;

public class ImplicitAlsTests
{
    [Fact]
    public void The_woodbury_route_equals_the_direct_solve_for_short_rows()
    {
        var random = new Random(11);
        const int rank = 10;
        var y = new FactorMatrix(50, rank, Enumerable.Range(0, 50 * rank).Select(_ => random.NextDouble() - 0.5).ToArray());
        var step = new ImplicitHalfStep(y, lambda: 3.0, threads: 1);
        var solver = new ImplicitRowSolver(rank);

        foreach (int length in new[] { 1, 2, 5, 9 })
        {
            int[] rows = Enumerable.Range(0, 50).OrderBy(_ => random.Next()).Take(length).Order().ToArray();
            double[] weights = rows.Select(_ => 0.5 + random.NextDouble() * 4).ToArray();
            var viaWoodbury = new double[rank];
            var direct = new double[rank];
            solver.Solve(step, rows, weights, viaWoodbury);
            solver.Solve(y, step.Gram, 3.0, rows, weights, direct);
            for (int c = 0; c < rank; c++) Assert.Equal(direct[c], viaWoodbury[c], 10);
        }
    }

    [Fact]
    public void Rated_movies_score_higher_than_unrated_ones_for_the_people_who_rated_them()
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 200, items: 100, perUser: 20, seed: 8);
        var model = ModelTrainer.Train(ratings, new TrainerOptions { Rank = 4, Iterations = 2, RankingRank = 16, RankingLambda = 1, RankingIterations = 10 });
        var ranking = model.Ranking!;

        double rated = 0, unrated = 0;
        int ratedCount = 0, unratedCount = 0;
        var byUser = ratings.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.MovieId).ToHashSet());
        foreach (var (userId, movies) in byUser)
        {
            var x = ranking.UserFactors.Row(model.Users.IndexOf(userId)).ToArray();
            for (int i = 0; i < model.Items.Count; i++)
            {
                double score = MovieRec.Core.Engine.Numerics.VectorMath.Dot(x, ranking.ItemFactors.Row(i));
                if (movies.Contains(model.Items.IdOf(i))) { rated += score; ratedCount++; }
                else { unrated += score; unratedCount++; }
            }
        }
        Assert.True(rated / ratedCount > unrated / unratedCount + 0.3, $"mean score rated {rated / ratedCount}, unrated {unrated / unratedCount}");
    }
}
