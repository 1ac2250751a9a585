using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Recommending;

/// <summary>
/// "Because you rated X", only when it holds: X is one of the person's highly rated movies (see
/// <see cref="Liked"/>), the nearest of them to the pick by <see cref="ItemSimilarity"/>, and at
/// least <see cref="ThresholdFor"/> alike. The threshold is measured on the model from the
/// similarity of random pairs of rated movies, and it allows for the choice of the nearest: of L
/// liked movies unrelated to the pick, the nearest reaches it with probability at most
/// 1 - <see cref="Confidence"/> (5 %), so the threshold is the 0.95^(1/L) percentile of random
/// pairs (the p95 for one liked movie, the p99.9 for fifty). docs/BENCHMARKS.md, "Explanations",
/// compares random, same-genre and co-liked pairs and how many picks keep a reason.
/// </summary>
public sealed class PickReasons
{
    /// <summary>A rating at or above this (and at or above the person's own mean) makes a movie "highly rated".</summary>
    public const double LikedAtLeast = 4.0;

    /// <summary>How sure the nearest liked movie is not there by chance: a random set of liked movies reaches the threshold with at most 1 - this.</summary>
    public const double Confidence = 0.95;

    /// <summary>Random pairs in the sample the threshold is read from: enough for the p99.99 (a person with a thousand liked movies).</summary>
    public const int SamplePairs = 100_000;

    private readonly Recommender _recommender;
    private readonly double[] _randomPairs;
    private readonly double? _fixedThreshold;

    /// <param name="threshold">One similarity every reason needs whatever the number of liked movies (tests fix it); measured on the model when not given.</param>
    public PickReasons(Recommender recommender, double? threshold = null)
    {
        _recommender = recommender;
        _fixedThreshold = threshold;
        _randomPairs = threshold is null ? ItemSimilarity.RandomPairs(recommender, SamplePairs) : [];
    }

    /// <summary>The percentile of random-pair similarity a reason must reach for a person with <paramref name="likedCount"/> liked movies.</summary>
    public static double PercentileFor(int likedCount) => Math.Pow(Confidence, 1.0 / Math.Max(1, likedCount));

    /// <summary>The least similarity at which "because you rated X" is said, for a person with <paramref name="likedCount"/> liked movies.</summary>
    public double ThresholdFor(int likedCount) => _fixedThreshold ?? ItemSimilarity.Percentile(_randomPairs, PercentileFor(likedCount));

    /// <summary>The person's highly rated movies: at least <see cref="LikedAtLeast"/> stars and at least their own mean.</summary>
    public static IReadOnlyList<int> Liked(IReadOnlyList<PersonRating> ratings)
    {
        if (ratings.Count == 0) return [];
        double mean = ratings.Average(r => r.Value);
        return ratings.Where(r => r.Value >= LikedAtLeast && r.Value >= mean).Select(r => r.MovieId).Distinct().ToList();
    }

    /// <summary>
    /// For each pick the model knows, the nearest liked movie and its similarity (the first on a
    /// tie); absent when the person likes no movie the model knows. No threshold here.
    /// </summary>
    public IReadOnlyDictionary<int, (int MovieId, double Similarity)> Nearest(IEnumerable<int> picks, IReadOnlyList<int> liked)
    {
        var model = _recommender.Model;
        // Resolved once: a heavy rater has thousands of liked movies and each pick compares with all.
        var candidates = liked.Select(id => (MovieId: id, Item: model.Items.IndexOf(id)))
            .Where(c => c.Item >= 0 && model.ItemNorms[c.Item] > 0)
            .ToList();
        var nearest = new Dictionary<int, (int, double)>();
        if (candidates.Count == 0) return nearest;
        foreach (int pick in picks)
        {
            int item = model.Items.IndexOf(pick);
            if (item < 0 || model.ItemNorms[item] == 0) continue;
            var best = (MovieId: candidates[0].MovieId, Similarity: double.NegativeInfinity);
            foreach (var (movieId, other) in candidates)
            {
                double similarity = ItemSimilarity.Of(_recommender, item, other);
                if (similarity > best.Similarity) best = (movieId, similarity);
            }
            nearest[pick] = best;
        }
        return nearest;
    }

    /// <summary>Pick movie id -> the liked movie that explains it; a pick with no liked movie near enough is absent.</summary>
    public IReadOnlyDictionary<int, int> Explain(IReadOnlyList<PersonRating> ratings, IEnumerable<int> picks)
    {
        var liked = Liked(ratings);
        double threshold = ThresholdFor(liked.Count);
        return Nearest(picks, liked)
            .Where(pair => pair.Value.Similarity >= threshold)
            .ToDictionary(pair => pair.Key, pair => pair.Value.MovieId);
    }
}
