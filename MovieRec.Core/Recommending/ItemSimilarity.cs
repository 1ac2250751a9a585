using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Recommending;

/// <summary>
/// How alike two movies are by the model, as "because you rated X" measures it: the cosine of their
/// rating-model vectors shrunk by X's support, cos(q_pick, q_x) * n_x / (n_x + 20), the same
/// measure as the similar-movies list (<see cref="Recommender.Similar"/>). Also the null
/// distribution that a reason's threshold is read from: random pairs of movies people rate.
/// </summary>
public static class ItemSimilarity
{
    /// <summary>The similarity of two known movies by dense index (0 when either has no vector).</summary>
    public static double Of(Recommender recommender, int pickItem, int otherItem)
    {
        var model = recommender.Model;
        if (model.ItemNorms[pickItem] == 0 || model.ItemNorms[otherItem] == 0) return 0;
        var index = recommender.Index;
        // The unit rows carry both movies' support weights: divide the pick's own back out.
        return ScoringIndex.Dot(index.UnitItemFactorRow(pickItem), index.UnitItemFactorRow(otherItem))
               / ScoringIndex.SupportWeight(model.ItemRatingCounts[pickItem]);
    }

    /// <summary>
    /// The similarity of <paramref name="pairs"/> random pairs of distinct movies, each drawn with
    /// probability proportional to its train ratings (the movies people actually rate and are
    /// offered, not the long tail nobody sees), sorted ascending. Fixed seed: the same model gives
    /// the same sample.
    /// </summary>
    public static double[] RandomPairs(Recommender recommender, int pairs = 20_000, int seed = 11)
    {
        var counts = recommender.Model.ItemRatingCounts;
        var cumulative = new long[counts.Length];
        long total = 0;
        for (int i = 0; i < counts.Length; i++) cumulative[i] = total += recommender.Model.ItemNorms[i] > 0 ? counts[i] : 0;
        if (total == 0) return [];
        var random = new Random(seed);
        var sample = new List<double>(pairs);
        int Draw()
        {
            int found = Array.BinarySearch(cumulative, random.NextInt64(total) + 1);
            return found >= 0 ? FirstOf(cumulative, found) : ~found;
        }
        for (int attempt = 0; attempt < pairs * 4 && sample.Count < pairs; attempt++)
        {
            int a = Draw(), b = Draw();
            if (a != b) sample.Add(Of(recommender, a, b));
        }
        sample.Sort();
        return sample.ToArray();
    }

    /// <summary>The value below which a fraction <paramref name="p"/> of a sorted sample lies (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> sortedAscending, double p)
    {
        if (sortedAscending.Count == 0) return double.PositiveInfinity;
        int rank = (int)Math.Ceiling(p * sortedAscending.Count) - 1;
        return sortedAscending[Math.Clamp(rank, 0, sortedAscending.Count - 1)];
    }

    // Movies with no ratings repeat the cumulative total before them: the draw lands on the first.
    private static int FirstOf(long[] cumulative, int index)
    {
        while (index > 0 && cumulative[index - 1] == cumulative[index]) index--;
        return index;
    }
}
