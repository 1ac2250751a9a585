using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Tests.Evaluation;

/// <summary>The top-N selector with the evaluation's NaN rule (NaN ranks last) and movie ids as tie-breakers.</summary>
public class TopKSelectorTests
{
    private static int[] Select(int[] ids, double[] scores, int k)
    {
        var bestIds = new int[k];
        var bestScores = new double[k];
        int count = TopNSelector.SelectInto<double>(scores, ids, bestIds, bestScores, NaNScores.RankLast);
        return bestIds[..count];
    }

    [Fact]
    public void Keeps_the_k_highest_scores_best_first()
    {
        // scores by id: 10 -> .1, 20 -> .9, 30 -> .5, 40 -> .7, 50 -> .3, 60 -> .8
        // best three: 20 (.9), 60 (.8), 40 (.7)
        int[] ids = [10, 20, 30, 40, 50, 60];
        double[] scores = [0.1, 0.9, 0.5, 0.7, 0.3, 0.8];
        Assert.Equal([20, 60, 40], Select(ids, scores, 3));
    }

    [Fact]
    public void Ties_go_to_the_smaller_movie_id_whatever_the_input_order()
    {
        // 9 scores 2, everyone else 1: 9 first, then the tied ones by ascending id: 1, 3
        int[] ids = [7, 3, 5, 9, 1];
        double[] scores = [1, 1, 1, 2, 1];
        Assert.Equal([9, 1, 3], Select(ids, scores, 3));
    }

    [Fact]
    public void Returns_every_candidate_when_there_are_fewer_than_k()
    {
        Assert.Equal([2, 1], Select([1, 2], [0.5, 0.6], 10));
        Assert.Empty(Select([], [], 10));
    }

    [Fact]
    public void NaN_ranks_below_every_number()
    {
        Assert.Equal([2, 3, 1], Select([1, 2, 3], [double.NaN, -1e300, double.NegativeInfinity], 3));
    }

    [Fact]
    public void Agrees_with_a_full_sort_on_random_scores_with_many_ties()
    {
        var random = new Random(20261123);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(0, 60);
            int[] ids = Enumerable.Range(0, n).Select(_ => random.Next(1, 100_000)).Distinct().ToArray();
            double[] scores = ids.Select(_ => (double)random.Next(0, 5)).ToArray();
            int k = random.Next(1, 15);

            int[] expected = ids
                .Select((id, i) => (id, score: scores[i]))
                .OrderByDescending(c => c.score).ThenBy(c => c.id)
                .Take(k).Select(c => c.id).ToArray();
            Assert.Equal(expected, Select(ids, scores, k));
        }
    }
}
