using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The int8 first pass with exact re-rank must return what a full single-precision pass and the
/// top-N selector return: the same movies, in the same order, with the same scores to the bit.
/// </summary>
public class ExactTopNTests
{
    /// <summary>The reference: every row scored exactly, excluded rows NaN, the one bounded selector.</summary>
    private static (int[] Ids, float[] Scores) FullPass(float[] rows, int width, float[] query, int[] excluded, int n)
    {
        var scores = new float[rows.Length / width];
        ScoringIndex.MultiplyRows(rows, query, scores);
        foreach (int row in excluded) if ((uint)row < (uint)scores.Length) scores[row] = float.NaN;
        var ids = TopNSelector.Select(scores, n);
        return (ids, ids.Select(i => scores[i]).ToArray());
    }

    private static (int[] Ids, float[] Scores) Reranked(float[] rows, int width, float[] query, int[] excluded, int n)
    {
        var topN = new ExactTopN(rows, width);
        var ids = new int[Math.Min(n, rows.Length / width)];
        var scores = new float[ids.Length];
        int found = topN.Select(query, excluded, ids, scores);
        return (ids[..found], scores[..found]);
    }

    private static void AssertSame(float[] rows, int width, float[] query, int[] excluded, int n)
    {
        var expected = FullPass(rows, width, query, excluded, n);
        var actual = Reranked(rows, width, query, excluded, n);
        Assert.Equal(expected.Ids, actual.Ids);
        Assert.Equal(expected.Scores, actual.Scores);
    }

    private static float[] Gaussian(Random random, int count, double scale = 1) =>
        Enumerable.Range(0, count).Select(_ => (float)(scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 10)]
    [InlineData(64, 10)]
    [InlineData(65, 10)]
    [InlineData(65, 200)]
    [InlineData(128, 10)]
    [InlineData(147, 100)]
    public void Equals_the_full_pass_on_random_rows_queries_and_exclusions(int width, int n)
    {
        var random = new Random(width * 31 + n);
        const int count = 3_000;
        var rows = Gaussian(random, count * width);
        for (int trial = 0; trial < 20; trial++)
        {
            var query = Gaussian(random, width, scale: random.NextDouble() * 10);
            var excluded = Enumerable.Range(0, random.Next(0, 500)).Select(_ => random.Next(count)).ToArray();
            AssertSame(rows, width, query, excluded, n);
        }
    }

    /// <summary>Rank 1, an odd rank, a whole number of kernel steps, one over, and twice that.</summary>
    public static TheoryData<int> AdversarialWidths => [1, 7, 64, 65, 128];

    [Theory]
    [MemberData(nameof(AdversarialWidths))]
    public void Catalogues_of_every_small_size_equal_the_full_pass(int width)
    {
        // 0 and 1 rows, and sizes on either side of the four-row kernel's groups and of a vector of scores.
        var random = new Random(width);
        foreach (int count in new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33 })
        {
            var rows = Gaussian(random, count * width);
            var query = Gaussian(random, width);
            foreach (int n in new[] { 1, 3, count - 1, count, count + 1 })
            {
                if (n <= 0) continue;
                AssertSame(rows, width, query, [], n);
                AssertSame(rows, width, query, count > 0 ? [count - 1] : [], n);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AdversarialWidths))]
    public void The_four_row_pass_equals_the_one_row_formula_to_the_bit(int width)
    {
        var random = new Random(width + 100);
        foreach (int count in new[] { 0, 1, 3, 4, 5, 8, 1_023, 1_024, 1_025 })
        {
            var rows = Gaussian(random, count * width, scale: 3);
            if (count > 2) Array.Fill(rows, -1e3f, width, width); // a row of one extreme value: every int8 at -127
            var quantized = new QuantizedRows(rows, width);
            var bytes = new sbyte[quantized.Stride];
            var query = Gaussian(random, width);
            if (count % 2 == 1) Array.Fill(query, -2f); // and a query of -127s
            float t = QuantizedRows.Quantize(query, bytes, out _);
            var wide = bytes.Select(b => (short)b).ToArray();
            var all = new float[count];
            quantized.ApproximateAll(wide, t, all);
            for (int i = 0; i < count; i++)
                Assert.Equal(BitConverter.SingleToInt32Bits(quantized.Approximate(i, wide, t)), BitConverter.SingleToInt32Bits(all[i]));
        }
    }

    [Fact]
    public void Identical_rows_tie_and_go_to_the_smaller_index()
    {
        const int width = 9, count = 500;
        var rows = Enumerable.Range(0, count * width).Select(i => (float)(i % width) - 4).ToArray();
        var query = Enumerable.Range(0, width).Select(c => 0.25f * c).ToArray();
        AssertSame(rows, width, query, [0, 3, 499], 10);
        Assert.Equal([1, 2, 4, 5, 6], Reranked(rows, width, query, [0, 3, 499], 5).Ids);
    }

    [Fact]
    public void Rows_that_differ_in_their_last_bits_are_ranked_as_the_full_pass_ranks_them()
    {
        // Quantisation cannot tell these apart: the exact pass must.
        const int width = 65, count = 2_000;
        var random = new Random(8);
        var basis = Gaussian(random, width);
        var rows = new float[count * width];
        for (int i = 0; i < count; i++)
            for (int c = 0; c < width; c++)
                rows[i * width + c] = basis[c] * (1 + (float)random.Next(-3, 4) * 1e-6f);
        AssertSame(rows, width, basis, [], 25);
    }

    [Fact]
    public void Rows_of_wide_dynamic_range_zero_rows_and_a_zero_query_are_exact()
    {
        const int width = 33, count = 1_500;
        var random = new Random(5);
        var rows = Gaussian(random, count * width);
        for (int i = 0; i < count; i += 3) rows[i * width + random.Next(width)] = 1e4f; // one huge value per row squeezes the rest to 0 in int8
        for (int i = 1; i < count; i += 7) Array.Clear(rows, i * width, width);
        for (int i = 2; i < count; i += 11) for (int c = 0; c < width; c++) rows[i * width + c] *= 1e-30f;
        var query = Gaussian(random, width);
        query[4] = 3e3f;
        AssertSame(rows, width, query, [], 40);
        AssertSame(rows, width, new float[width], [], 10);
        var tiny = query.Select(v => v * 1e-35f).ToArray();
        AssertSame(rows, width, tiny, [], 10);
    }

    [Fact]
    public void Exclusions_leave_fewer_rows_than_asked_for_and_repeats_or_strays_are_ignored()
    {
        const int width = 16, count = 40;
        var random = new Random(2);
        var rows = Gaussian(random, count * width);
        var query = Gaussian(random, width);
        var allButThree = Enumerable.Range(0, count).Where(i => i is not (3 or 17 or 38)).ToArray();
        var (ids, _) = Reranked(rows, width, query, [.. allButThree, .. allButThree, -1, count, int.MaxValue], 10);
        Assert.Equal([3, 17, 38], ids.Order().ToArray());
        AssertSame(rows, width, query, allButThree, 10);
        Assert.Empty(Reranked(rows, width, query, Enumerable.Range(0, count).ToArray(), 10).Ids);
        AssertSame(rows, width, query, [], 100); // more asked for than there are rows
    }

    [Fact]
    public void A_typical_query_scores_few_rows_exactly()
    {
        // The point of the first pass: the bounds leave a small share of 20,000 rows to re-rank.
        const int width = 65, count = 20_000;
        var random = new Random(11);
        var rows = Gaussian(random, count * width);
        var query = Gaussian(random, width);
        Reranked(rows, width, query, [], 10);
        Assert.InRange(ExactTopN.LastCandidates, 10, count / 20);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(80)]
    [InlineData(160)]
    public void The_int8_kernels_equal_the_plain_sum(int length)
    {
        var random = new Random(length);
        var row = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-127, 128)).ToArray();
        int expected = 0;
        for (int c = 0; c < length; c++) expected += row[c] * query[c];
        Assert.Equal(expected, QuantizedRows.Dot(ref row[0], ref query[0], length));
        Assert.Equal(expected, QuantizedRows.DotPortable(ref row[0], ref query[0], length));
        var extreme = Enumerable.Repeat((sbyte)-127, length).ToArray();
        var extremeQuery = Enumerable.Repeat((short)-127, length).ToArray();
        Assert.Equal(127 * 127 * length, QuantizedRows.Dot(ref extreme[0], ref extremeQuery[0], length));
        Assert.Equal(127 * 127 * length, QuantizedRows.DotPortable(ref extreme[0], ref extremeQuery[0], length));
    }

    [Fact]
    public void Each_bound_holds_for_every_row()
    {
        const int width = 65, count = 2_000;
        var random = new Random(21);
        var rows = Gaussian(random, count * width);
        var query = Gaussian(random, width, 4);
        var quantized = new QuantizedRows(rows, width);
        var bytes = new sbyte[quantized.Stride];
        float t = QuantizedRows.Quantize(query, bytes, out _);
        var wide = bytes.Select(b => (short)b).ToArray();
        float l1 = query.Sum(Math.Abs);
        var approximate = new float[count];
        var error = new float[count];
        quantized.Approximate(wide, t, l1, approximate, error);
        for (int i = 0; i < count; i++)
        {
            double exact = 0;
            for (int c = 0; c < width; c++) exact += (double)rows[i * width + c] * query[c];
            Assert.True(Math.Abs(exact - approximate[i]) <= error[i], $"row {i}: |{exact} - {approximate[i]}| > {error[i]}");
            Assert.Equal(error[i], quantized.ErrorBound(i, t, l1));
        }
    }

    [Fact]
    public void Picks_and_similar_movies_of_a_trained_model_equal_the_full_pass()
    {
        var ratings = ExplicitAlsTests.SyntheticRatings(users: 150, items: 400, perUser: 30, seed: 13);
        var recommender = new Recommender(ModelTrainer.Train(ratings, new TrainerOptions { Rank = 7, Iterations = 3, RankingRank = 9, RankingIterations = 3 }));
        var model = recommender.Model;
        for (int u = 0; u < 40; u++)
        {
            var profile = FoldIn.Known(model, u);
            var rated = ratings.Where(r => r.UserId == model.Users.IdOf(u)).Select(r => r.MovieId).ToHashSet();
            var scores = recommender.ScoreAll(profile);
            foreach (int movieId in rated) scores[model.Items.IndexOf(movieId)] = float.NaN;
            var expected = TopNSelector.Select(scores, 15).Select(i => (model.Items.IdOf(i), (double)scores[i])).ToArray();
            var actual = recommender.Recommend(profile, 15, rated).Select(p => (p.MovieId, p.Score)).ToArray();
            Assert.Equal(expected, actual);
        }
        for (int item = 0; item < model.Items.Count; item += 13)
        {
            if (model.ItemNorms[item] == 0) continue;
            var cosines = new float[model.Items.Count];
            ScoringIndex.MultiplyRows(recommender.Index.UnitItemFactors, recommender.Index.UnitItemFactorRow(item), cosines);
            cosines[item] = float.NaN;
            foreach (int empty in recommender.Index.ItemsWithoutFactors) cosines[empty] = float.NaN;
            var expected = TopNSelector.Select(cosines, 10).Select(i => model.Items.IdOf(i)).ToArray();
            Assert.Equal(expected, recommender.Similar(model.Items.IdOf(item), 10).Select(s => s.MovieId).ToArray());
        }
    }
}
