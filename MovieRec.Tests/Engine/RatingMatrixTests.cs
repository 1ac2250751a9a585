using MovieRec.Core.Engine;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

public class RatingMatrixTests
{
    [Fact]
    public void Rows_are_grouped_by_user_and_by_item_with_ascending_ids()
    {
        Rating[] ratings = [new(7, 300, 4, 0), new(3, 100, 2, 0), new(7, 100, 5, 0), new(3, 200, 1, 0)];
        var matrix = RatingMatrix.Build(ratings);

        Assert.Equal([3, 7], matrix.Users.Ids.ToArray());
        Assert.Equal([100, 200, 300], matrix.Items.Ids.ToArray());
        // user 3 (index 0) rated 100 -> 2 and 200 -> 1
        Assert.Equal([0, 1], matrix.ByUser.Columns(0).ToArray());
        Assert.Equal([2f, 1f], matrix.ByUser.RowValues(0).ToArray());
        // item 100 (index 0) was rated by 3 -> 2 and 7 -> 5
        Assert.Equal([0, 1], matrix.ByItem.Columns(0).ToArray());
        Assert.Equal([2f, 5f], matrix.ByItem.RowValues(0).ToArray());
        Assert.Equal(3.0, matrix.Mean, 12);
    }

    [Fact]
    public void A_repeated_pair_keeps_the_later_rating()
    {
        Rating[] ratings = [new(1, 10, 2, 0), new(1, 20, 3, 0), new(1, 10, 4.5f, 0)];
        var matrix = RatingMatrix.Build(ratings);

        Assert.Equal(2, matrix.Count);
        Assert.Equal([4.5f, 3f], matrix.ByUser.RowValues(0).ToArray());
    }

    [Fact]
    public void The_fingerprint_changes_with_any_rating_and_not_with_input_order()
    {
        Rating[] a = [new(1, 10, 2, 0), new(2, 10, 3, 0)];
        Rating[] reordered = [new(2, 10, 3, 0), new(1, 10, 2, 0)];
        Rating[] changed = [new(1, 10, 2.5f, 0), new(2, 10, 3, 0)];

        Assert.Equal(RatingMatrix.Build(a).Fingerprint, RatingMatrix.Build(reordered).Fingerprint);
        Assert.NotEqual(RatingMatrix.Build(a).Fingerprint, RatingMatrix.Build(changed).Fingerprint);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4_096)]  // exactly one block of the hash's input
    [InlineData(4_097)]
    [InlineData(10_000)]
    public void The_fingerprint_is_the_SHA256_of_the_user_major_triples(int count)
    {
        // Models already written carry this fingerprint: it must not change with how it is summed.
        var random = new Random(count);
        var ratings = Enumerable.Range(0, count).Select(n => new Rating(1 + random.Next(300), 1 + random.Next(2_000), 0.5f * (1 + random.Next(10)), 0)).ToArray();
        var expected = ratings
            .GroupBy(r => (r.UserId, r.MovieId)).Select(g => g.Last())
            .OrderBy(r => r.UserId).ThenBy(r => r.MovieId)
            .SelectMany(r => BitConverter.GetBytes(r.UserId).Concat(BitConverter.GetBytes(r.MovieId)).Concat(BitConverter.GetBytes(r.Value)))
            .ToArray();

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(expected)), RatingMatrix.Build(ratings).Fingerprint);
    }

    [Fact]
    public void No_ratings_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RatingMatrix.Build(ReadOnlySpan<Rating>.Empty));
    }
}
