using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

namespace MovieRec.Web.Recommendations;

/// <summary>
/// "Because you rated X": for a pick, the movie the person liked that is most similar to it, by the
/// same support-shrunk cosine over Q as the similar-movies lists (ScoringIndex.UnitItemFactors).
/// Liked means rated at or above their own mean, so a pick is never explained by a movie they disliked.
/// </summary>
public static class PickReasons
{
    /// <summary>Pick movie id -> the liked movie id that explains it (absent when the model knows none of their movies).</summary>
    public static IReadOnlyDictionary<int, int> Explain(Recommender recommender, IReadOnlyList<Rating> ratings, IEnumerable<int> picks)
    {
        var model = recommender.Model;
        var index = recommender.Index;
        double mean = ratings.Count == 0 ? 0 : ratings.Average(r => r.Value);
        var liked = ratings
            .Where(r => r.Value >= mean)
            .Select(r => (r.MovieId, Item: model.Items.IndexOf(r.MovieId)))
            .Where(pair => pair.Item >= 0 && model.ItemNorms[pair.Item] > 0)
            .ToList();

        var reasons = new Dictionary<int, int>();
        if (liked.Count == 0) return reasons;
        int k = index.Rank;
        foreach (int pick in picks)
        {
            int item = model.Items.IndexOf(pick);
            if (item < 0 || model.ItemNorms[item] == 0) continue;
            var pickRow = index.UnitItemFactors.AsSpan(item * k, k);
            int bestMovie = liked[0].MovieId;
            float bestCosine = float.NegativeInfinity;
            foreach (var (movieId, likedItem) in liked)
            {
                float cosine = Cosine(pickRow, index.UnitItemFactors.AsSpan(likedItem * k, k));
                if (cosine > bestCosine) (bestMovie, bestCosine) = (movieId, cosine);
            }
            reasons[pick] = bestMovie;
        }
        return reasons;
    }

    /// <summary>The rows are unit vectors times their support weight, so the shrunk cosine is their dot product.</summary>
    private static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (int c = 0; c < a.Length; c++) sum += a[c] * b[c];
        return sum;
    }
}
