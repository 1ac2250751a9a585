using MovieRec.Core.Ratings;
using MovieRec.Core.Retraining;

namespace MovieRec.Tests.Retraining;

public class RetrainingPartsTests
{
    [Fact]
    public void The_store_wins_over_the_dataset_for_the_same_user_and_movie()
    {
        Rating[] dataset = [new(1, 10, 2.0f, 100), new(1, 20, 3.0f, 100), new(2, 10, 4.0f, 100)];
        Rating[] store = [new(1, 10, 4.5f, 900), new(3, 30, 1.0f, 900)];

        var merged = RatingMerger.Merge(dataset, store).OrderBy(r => r.UserId).ThenBy(r => r.MovieId).ToArray();

        Assert.Equal(
            [new(1, 10, 4.5f, 900), new(1, 20, 3.0f, 100), new(2, 10, 4.0f, 100), new(3, 30, 1.0f, 900)],
            merged);
    }

    [Fact]
    public void The_held_out_slice_has_about_the_asked_share_and_does_not_depend_on_order()
    {
        var ratings = Enumerable.Range(1, 200).SelectMany(u => Enumerable.Range(1, 100).Select(m => new Rating(u, m, 3, 0))).ToArray();
        var (train, heldOut) = HeldOutSplit.Split(ratings, 0.1);
        var (_, heldOutReversed) = HeldOutSplit.Split(ratings.Reverse().ToArray(), 0.1);

        Assert.Equal(ratings.Length, train.Length + heldOut.Length);
        Assert.InRange(heldOut.Length, 1700, 2300); // 10 % of 20,000, give or take
        Assert.Equal(heldOut.ToHashSet(), heldOutReversed.ToHashSet());
        Assert.Empty(train.Intersect(heldOut));
    }

    [Theory]
    [InlineData(0.85, 0.86, null, true)]
    [InlineData(0.87, 0.86, null, false)]      // worse than biases alone
    [InlineData(0.86, 0.90, 0.84, false)]      // 0.86 / 0.84 = 1.024: more than 2 % worse
    [InlineData(0.856, 0.90, 0.84, true)]      // 0.856 / 0.84 = 1.019: within 2 %
    [InlineData(0.858, 0.90, 0.84, false)]     // 0.858 / 0.84 = 1.0214: more than 2 % worse
    [InlineData(double.NaN, 0.90, null, false)]
    public void The_gate_refuses_worse_than_biases_or_more_than_two_percent_worse(double newRmse, double biasRmse, double? current, bool accepted)
    {
        var verdict = RetrainGate.Judge(newRmse, biasRmse, current);
        Assert.Equal(accepted, verdict.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }
}
