using System.Globalization;
using System.Text;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Recommending;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// Is the "because you rated X" threshold meaningful? Compares the similarity
/// (<see cref="ItemSimilarity"/>) of random pairs of rated movies, the null that sets the
/// threshold, with pairs that should be alike: two movies with the same genres, and two movies
/// that one train user both rated 4 stars or more. Also counts how many served picks keep a
/// reason at the threshold, which depends on how many movies a person liked
/// (<see cref="PickReasons.ThresholdFor"/>; `evaluate --reason-threshold`).
/// </summary>
public sealed record ReasonThresholdStudy(
    IReadOnlyList<(int Liked, double Threshold)> Thresholds,
    IReadOnlyList<double> RandomPairs,
    IReadOnlyList<double> SameGenrePairs,
    IReadOnlyList<double> CoLikedPairs,
    double PicksWithReason,
    double PicksWithReasonWithoutThreshold,
    IReadOnlyList<double> NearestLikedOfPicks,
    double PicksWithReasonAtFlatP95)
{
    private static readonly double[] Percentiles = [0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

    public static ReasonThresholdStudy Measure(ServedRecommender served, EvaluationData data, int pairs = 20_000, int seed = 11)
    {
        var recommender = served.Recommender;
        var model = recommender.Model;
        var random = new Random(seed);
        var known = data.MostRatedFirst.Where(id => model.Items.IndexOf(id) is >= 0 and var i && model.ItemNorms[i] > 0).ToArray();

        // Same genres: pairs drawn from the movies sharing one genre set, from the same popular
        // sample of movies as the other pairs (the 2,000 most rated the model knows).
        var sameGenre = new List<double>();
        var byGenres = known.Take(2_000).Where(id => data.Genres(id).Count > 0)
            .GroupBy(id => string.Join('|', data.Genres(id).Order(StringComparer.Ordinal)))
            .Select(g => g.ToArray()).Where(g => g.Length >= 2).ToArray();
        for (int n = 0; n < pairs && byGenres.Length > 0; n++)
        {
            var group = byGenres[random.Next(byGenres.Length)];
            int a = group[random.Next(group.Length)], b = group[random.Next(group.Length)];
            if (a != b) sameGenre.Add(Similarity(recommender, a, b));
        }

        var coLiked = new List<double>();
        var users = data.EvaluatedUsers;
        for (int n = 0; n < pairs * 4 && coLiked.Count < pairs; n++)
        {
            var liked = PickReasons.Liked(data.TrainRatings(users[random.Next(users.Count)]));
            if (liked.Count < 2) continue;
            int a = liked[random.Next(liked.Count)], b = liked[random.Next(liked.Count)];
            if (a != b && model.Items.IndexOf(a) >= 0 && model.Items.IndexOf(b) >= 0) coLiked.Add(Similarity(recommender, a, b));
        }

        // How often a served top 10 keeps its reason at the threshold, and would have without one.
        int picks = 0, kept = 0, nearestFound = 0, keptAtFlatP95 = 0;
        var nearestOfPicks = new List<double>();
        double flatP95 = served.Reasons.ThresholdFor(1);
        foreach (int user in users)
        {
            var ratings = data.TrainRatings(user);
            var list = served.Picks(ratings, Exclusions.None, Evaluator.K, explain: false);
            var liked = PickReasons.Liked(ratings);
            var nearest = served.Reasons.Nearest(list.Select(p => p.MovieId), liked);
            picks += list.Count;
            nearestFound += nearest.Count;
            kept += nearest.Values.Count(v => v.Similarity >= served.Reasons.ThresholdFor(liked.Count));
            keptAtFlatP95 += nearest.Values.Count(v => v.Similarity >= flatP95);
            nearestOfPicks.AddRange(nearest.Values.Select(v => v.Similarity));
        }

        sameGenre.Sort();
        coLiked.Sort();
        nearestOfPicks.Sort();
        int[] likedCounts = [1, 10, 50, 200, 1000];
        return new ReasonThresholdStudy(likedCounts.Select(l => (l, served.Reasons.ThresholdFor(l))).ToList(),
            ItemSimilarity.RandomPairs(recommender, pairs, seed), sameGenre, coLiked,
            picks > 0 ? kept / (double)picks : 0, picks > 0 ? nearestFound / (double)picks : 0, nearestOfPicks,
            picks > 0 ? keptAtFlatP95 / (double)picks : 0);
    }

    private static double Similarity(Recommender recommender, int pickId, int otherId) =>
        ItemSimilarity.Of(recommender, recommender.Model.Items.IndexOf(pickId), recommender.Model.Items.IndexOf(otherId));

    /// <summary>Share of a sorted sample at or above the threshold.</summary>
    public static double ShareAtOrAbove(IReadOnlyList<double> sorted, double threshold) =>
        sorted.Count == 0 ? 0 : sorted.Count(s => s >= threshold) / (double)sorted.Count;

    public string ToTable()
    {
        var table = new StringBuilder();
        table.Append("pairs (similarity)      count");
        foreach (double p in Percentiles) table.Append(string.Create(CultureInfo.InvariantCulture, $"  {"p" + (p * 100).ToString("0", CultureInfo.InvariantCulture),6}"));
        table.AppendLine("  >= p95");
        Row(table, "random rated movies", RandomPairs);
        Row(table, "same genres", SameGenrePairs);
        Row(table, "co-liked by one user", CoLikedPairs);
        Row(table, "pick, nearest liked", NearestLikedOfPicks);
        var random = RandomPairs;
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"share of picks whose nearest liked movie reaches the random p90 / p95 / p99: {ShareAtOrAbove(NearestLikedOfPicks, ItemSimilarity.Percentile(random, 0.9)):0.0%} / {ShareAtOrAbove(NearestLikedOfPicks, ItemSimilarity.Percentile(random, 0.95)):0.0%} / {ShareAtOrAbove(NearestLikedOfPicks, ItemSimilarity.Percentile(random, 0.99)):0.0%}"));
        table.AppendLine("threshold by liked movies L (the 0.95^(1/L) percentile of random pairs): " + string.Join(", ",
            Thresholds.Select(t => string.Create(CultureInfo.InvariantCulture, $"L={t.Liked}: {t.Threshold:0.000}"))));
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"served top-10 picks with \"because you rated\": {PicksWithReason:0.0%} (a flat p95 would give {PicksWithReasonAtFlatP95:0.0%}, no threshold {PicksWithReasonWithoutThreshold:0.0%})"));
        return table.ToString();
    }

    private void Row(StringBuilder table, string label, IReadOnlyList<double> sorted)
    {
        table.Append(string.Create(CultureInfo.InvariantCulture, $"{label,-22}  {sorted.Count,5}"));
        foreach (double p in Percentiles) table.Append(string.Create(CultureInfo.InvariantCulture, $"  {ItemSimilarity.Percentile(sorted, p),6:0.000}"));
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {ShareAtOrAbove(sorted, ItemSimilarity.Percentile(RandomPairs, 0.95)),6:0.0%}"));
    }
}
