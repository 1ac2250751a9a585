namespace MovieRec.Core.Evaluation;

/// <summary>
/// What the recommendations look like beyond hitting the test items: how much of the catalog they
/// reach, how popular and how varied they are (EVALUATION.md). Each list is one user's top-N.
/// </summary>
public static class BeyondAccuracyMetrics
{
    /// <summary>Distinct movies recommended to anyone / number of movies in the movies file.</summary>
    public static double Coverage(IEnumerable<IReadOnlyList<int>> lists, int catalogSize)
    {
        if (catalogSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(catalogSize), catalogSize, "the catalog is empty");
        var distinct = new HashSet<int>();
        foreach (IReadOnlyList<int> list in lists)
            distinct.UnionWith(list);
        return distinct.Count / (double)catalogSize;
    }

    /// <summary>
    /// Mean over every recommended (user, movie) pair of -log2(max(1, n_i) / n_users): a movie
    /// nobody rated in train counts as rated once, so that it stays finite.
    /// Null when nothing was recommended.
    /// </summary>
    public static double? Novelty(IEnumerable<IReadOnlyList<int>> lists, Func<int, int> trainCount, int trainUserCount)
    {
        if (trainUserCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(trainUserCount), trainUserCount, "novelty needs at least one train user");
        return MeanOverPairs(lists, movieId => -Math.Log2(Math.Max(1, trainCount(movieId)) / (double)trainUserCount));
    }

    /// <summary>Mean number of train ratings over every recommended (user, movie) pair: the popularity bias. Null when nothing was recommended.</summary>
    public static double? MeanTrainCount(IEnumerable<IReadOnlyList<int>> lists, Func<int, int> trainCount) =>
        MeanOverPairs(lists, movieId => trainCount(movieId));

    /// <summary>
    /// Mean over users of <see cref="IntraListDistance"/> of the genre sets of their list. Users
    /// with fewer than two recommendations have no pair and are left out; null when no user has a pair.
    /// </summary>
    public static double? Diversity(IEnumerable<IReadOnlyList<IReadOnlySet<string>>> genreSetsPerUser)
    {
        double sum = 0;
        int users = 0;
        foreach (IReadOnlyList<IReadOnlySet<string>> genreSets in genreSetsPerUser)
        {
            if (IntraListDistance(genreSets) is double distance)
            {
                sum += distance;
                users++;
            }
        }
        return users > 0 ? sum / users : null;
    }

    /// <summary>Mean Jaccard distance over the unordered pairs of one list; null for fewer than two sets.</summary>
    public static double? IntraListDistance(IReadOnlyList<IReadOnlySet<string>> genreSets)
    {
        if (genreSets.Count < 2)
            return null;
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < genreSets.Count; a++)
        {
            for (int b = a + 1; b < genreSets.Count; b++)
            {
                sum += JaccardDistance(genreSets[a], genreSets[b]);
                pairs++;
            }
        }
        return sum / pairs;
    }

    /// <summary>
    /// 1 - |A ∩ B| / |A ∪ B|. Two empty sets (two movies with "(no genres listed)") are at distance
    /// 0: like any two equal sets they show no variety, and calling them maximally different would
    /// reward lists of uncatalogued movies. An empty set against a non-empty one is at distance 1.
    /// </summary>
    public static double JaccardDistance(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
            return 0;
        (IReadOnlySet<string> smaller, IReadOnlySet<string> larger) = a.Count <= b.Count ? (a, b) : (b, a);
        int intersection = 0;
        foreach (string genre in smaller)
        {
            if (larger.Contains(genre))
                intersection++;
        }
        int union = a.Count + b.Count - intersection;
        return 1.0 - intersection / (double)union;
    }

    private static double? MeanOverPairs(IEnumerable<IReadOnlyList<int>> lists, Func<int, double> valueOf)
    {
        double sum = 0;
        long pairs = 0;
        foreach (IReadOnlyList<int> list in lists)
        {
            foreach (int movieId in list)
            {
                sum += valueOf(movieId);
                pairs++;
            }
        }
        return pairs > 0 ? sum / pairs : null;
    }
}
