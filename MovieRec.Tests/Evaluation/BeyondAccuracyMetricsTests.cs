using MovieRec.Core.Evaluation;
using static MovieRec.Tests.Evaluation.TinyData;

namespace MovieRec.Tests.Evaluation;

public class BeyondAccuracyMetricsTests
{
    // n_i for the novelty and popularity cases: 8 users in train.
    private static readonly Dictionary<int, int> TrainCounts = new() { [1] = 8, [2] = 2, [4] = 4 }; // movie 3: 0
    private const int TrainUsers = 8;

    // Lists of unequal length, so a mean over pairs differs from a mean of per-user means.
    private static readonly int[][] Lists = [[1, 2, 3], [4]];

    private static int CountOf(int movieId) => TrainCounts.GetValueOrDefault(movieId);

    [Fact]
    public void Coverage_is_distinct_recommended_over_catalog_size()
    {
        // {1, 2, 3} ∪ {2, 3, 4} = 4 distinct movies; 4 / 10 = 0.4
        int[][] lists = [[1, 2, 3], [2, 3, 4]];
        Assert.Equal(0.4, BeyondAccuracyMetrics.Coverage(lists, 10), 1e-12);
    }

    [Fact]
    public void Novelty_is_the_mean_self_information_over_every_recommended_pair()
    {
        // -log2(max(1, n_i) / 8):
        //   movie 1: n = 8 -> -log2(1)        = 0
        //   movie 2: n = 2 -> -log2(1/4)      = 2
        //   movie 3: n = 0 -> -log2(max(1,0)/8) = -log2(1/8) = 3
        //   movie 4: n = 4 -> -log2(1/2)      = 1
        // pairs (0 + 2 + 3) + (1) = 6 over 4 pairs = 1.5
        // (a mean of per-user means would give (5/3 + 1) / 2 = 1.3333)
        Assert.Equal(1.5, Value(BeyondAccuracyMetrics.Novelty(Lists, CountOf, TrainUsers)), 1e-12);
    }

    [Fact]
    public void Mean_train_count_is_over_every_recommended_pair()
    {
        // (8 + 2 + 0) + (4) = 14 over 4 pairs = 3.5
        Assert.Equal(3.5, Value(BeyondAccuracyMetrics.MeanTrainCount(Lists, CountOf)), 1e-12);
    }

    [Fact]
    public void Pair_means_are_null_when_nothing_was_recommended()
    {
        int[][] empty = [[]];
        Assert.Null(BeyondAccuracyMetrics.Novelty(empty, CountOf, TrainUsers));
        Assert.Null(BeyondAccuracyMetrics.MeanTrainCount(empty, CountOf));
    }

    [Theory]
    [InlineData(new[] { "A", "B", "C" }, new[] { "B", "C", "D" }, 0.5)] // 1 - |{B,C}| / |{A,B,C,D}| = 1 - 2/4
    [InlineData(new[] { "A" }, new[] { "B" }, 1.0)] // nothing shared
    [InlineData(new[] { "A", "B" }, new[] { "B", "A" }, 0.0)] // same set
    [InlineData(new string[0], new[] { "A" }, 1.0)] // empty vs non-empty: 1 - 0/1
    [InlineData(new string[0], new string[0], 0.0)] // two empty sets: decided to be 0 (no variety shown)
    public void Jaccard_distance(string[] a, string[] b, double expected)
    {
        Assert.Equal(expected, BeyondAccuracyMetrics.JaccardDistance(Genres(a), Genres(b)), 1e-12);
    }

    [Fact]
    public void Intra_list_distance_is_the_mean_over_pairs()
    {
        // pairs: ({A,B},{B}) = 1 - 1/2 = 0.5; ({A,B},{C}) = 1; ({B},{C}) = 1
        // (0.5 + 1 + 1) / 3 = 0.8333333333
        IReadOnlySet<string>[] list = [Genres("A", "B"), Genres("B"), Genres("C")];
        Assert.Equal(2.5 / 3, Value(BeyondAccuracyMetrics.IntraListDistance(list)), 1e-12);
    }

    [Fact]
    public void Diversity_averages_users_and_leaves_out_lists_without_a_pair()
    {
        // user 1: 0.8333333333 (as above); user 2: ({A},{A}) = 0; user 3: a single movie, no pair
        // (0.8333333333 + 0) / 2 = 0.4166666667
        IReadOnlySet<string>[][] users =
        [
            [Genres("A", "B"), Genres("B"), Genres("C")],
            [Genres("A"), Genres("A")],
            [Genres("Z")],
        ];
        Assert.Equal(2.5 / 6, Value(BeyondAccuracyMetrics.Diversity(users)), 1e-12);
        Assert.Null(BeyondAccuracyMetrics.Diversity([[Genres("Z")]]));
    }
}
