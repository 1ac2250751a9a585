using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Tests.Engine;

public class TopNSelectorTests
{
    [Fact]
    public void Picks_the_highest_scores_best_first_with_ties_to_the_smaller_index()
    {
        float[] scores = [0.5f, 2f, 1f, 2f, -1f, 1f, 3f];
        // 3 (index 6), then the tie of 2 at indices 1 and 3, then the tie of 1 at 2 and 5.
        Assert.Equal([6, 1, 3, 2], TopNSelector.Select(scores, 4));
    }

    [Fact]
    public void Skipped_and_nan_entries_never_appear()
    {
        float[] scores = [5f, float.NaN, 4f, 3f];
        Assert.Equal([2, 3], TopNSelector.Select(scores.Select((s, i) => i == 0 ? float.NaN : s).ToArray(), 5));
    }

    [Fact]
    public void Agrees_with_a_full_sort_on_random_scores()
    {
        var random = new Random(3);
        // Scores drawn from few values, so that ties are common.
        float[] scores = Enumerable.Range(0, 5000).Select(_ => (float)random.Next(0, 50)).ToArray();
        var expected = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(25).ToArray();
        Assert.Equal(expected, TopNSelector.Select(scores, 25));
    }

    [Fact]
    public void Zero_or_negative_n_gives_nothing()
    {
        Assert.Empty(TopNSelector.Select([1f, 2f], 0));
        Assert.Empty(TopNSelector.Select([1f, 2f], -3));
    }

    [Fact]
    public void The_NaN_rule_decides_whether_a_NaN_is_skipped_or_ranked_last()
    {
        double[] scores = [double.NaN, 1, double.NaN, 2];
        int[] ids = [10, 20, 30, 40];
        var bestIds = new int[4];
        var bestScores = new double[4];

        int skipped = TopNSelector.SelectInto<double>(scores, ids, bestIds, bestScores, NaNScores.Skip);
        Assert.Equal([40, 20], bestIds[..skipped]);

        int ranked = TopNSelector.SelectInto<double>(scores, ids, bestIds, bestScores, NaNScores.RankLast);
        Assert.Equal([40, 20, 10, 30], bestIds[..ranked]);
    }

    [Fact]
    public void With_ids_it_agrees_with_a_full_sort_by_score_then_id()
    {
        var random = new Random(4);
        int[] ids = Enumerable.Range(0, 3000).Select(i => i * 7 % 3001 + 1).ToArray();
        double[] scores = ids.Select(_ => random.Next(0, 40) / 4.0).ToArray();
        var expected = Enumerable.Range(0, ids.Length).OrderByDescending(i => scores[i]).ThenBy(i => ids[i]).Take(30).Select(i => ids[i]).ToArray();
        var bestIds = new int[30];
        int count = TopNSelector.SelectInto<double>(scores, ids, bestIds, new double[30], NaNScores.RankLast);
        Assert.Equal(expected, bestIds[..count]);
    }
}
