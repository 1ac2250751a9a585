using MovieRec.Core.Engine.Neighbourhood;
using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Tests.Engine;

/// <summary>The neighbour fit's packed-key selection against the code base's one top-N order (TopNSelector).</summary>
public class BestNeighboursTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 5)]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    [InlineData(16, 3)]
    [InlineData(17, 16)]
    [InlineData(500, 200)]
    [InlineData(5000, 200)]
    [InlineData(5000, 1)]
    [InlineData(300, 0)]
    public void Keeps_what_TopNSelector_keeps_in_its_order(int candidates, int kept)
    {
        var random = new Random(candidates * 31 + kept);
        // Similarities from few values (ties are common), zero among them, on distinct indices in random order.
        var indices = Enumerable.Range(0, candidates).Select(n => n * 7 + random.Next(7)).OrderBy(_ => random.Next()).ToArray();
        var similarities = indices.Select(_ => random.Next(0, 40) / 16f).ToArray();
        var expectedIds = new int[kept];
        var expectedSimilarities = new float[kept];
        int expectedCount = TopNSelector.SelectInto<float>(similarities, indices, expectedIds, expectedSimilarities, NaNScores.Skip);

        var keys = indices.Select((index, n) => BestNeighbours.Key(similarities[n], index)).ToArray();
        var ids = new int[kept];
        var keptSimilarities = new float[kept];
        int count = BestNeighbours.SelectInto(keys, ids, keptSimilarities);

        Assert.Equal(expectedCount, count);
        Assert.Equal(expectedIds[..count], ids[..count]);
        Assert.Equal(expectedSimilarities[..count], keptSimilarities[..count]);
    }

    [Theory]
    [InlineData(0f, 0)]
    [InlineData(float.Epsilon, 1)]
    [InlineData(0.75f, 9_723)]
    [InlineData(float.MaxValue, int.MaxValue)]
    public void A_key_unpacks_to_its_similarity_and_index(float similarity, int index) =>
        Assert.Equal((index, similarity), BestNeighbours.Unpack(BestNeighbours.Key(similarity, index)));
}
