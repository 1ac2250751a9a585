using MovieRec.Core.Storage;
using MovieRec.Web.Models.Experiments;

namespace MovieRec.Tests.Web;

/// <summary>The arm a person is in, and the confidence intervals the admin page shows per arm.</summary>
public sealed class ExperimentAssignmentTests
{
    private const string Experiment = "20261201-100000-aaaaaaaa";

    [Fact]
    public void A_person_always_lands_in_the_same_arm()
    {
        var first = Enumerable.Range(1, 2_000).Select(id => ExperimentAssignment.IsCandidate(Experiment, id, 0.3)).ToArray();
        var again = Enumerable.Range(1, 2_000).Select(id => ExperimentAssignment.IsCandidate(Experiment, id, 0.3)).ToArray();

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void The_candidates_share_of_people_is_the_configured_one(double share)
    {
        const int people = 20_000;
        int candidates = Enumerable.Range(1, people).Count(id => ExperimentAssignment.IsCandidate(Experiment, id, share));

        // Binomial: four standard deviations either side.
        double spread = 4 * Math.Sqrt(people * share * (1 - share));
        Assert.InRange(candidates, people * share - spread, people * share + spread);
    }

    [Fact]
    public void A_larger_share_keeps_everyone_the_smaller_share_had_and_another_experiment_splits_afresh()
    {
        var ids = Enumerable.Range(1, 5_000).ToArray();
        var atTen = ids.Where(id => ExperimentAssignment.IsCandidate(Experiment, id, 0.1)).ToHashSet();
        var atThirty = ids.Where(id => ExperimentAssignment.IsCandidate(Experiment, id, 0.3)).ToHashSet();
        var otherExperiment = ids.Where(id => ExperimentAssignment.IsCandidate("20261202-100000-bbbbbbbb", id, 0.1)).ToHashSet();

        Assert.Subset(atThirty, atTen);
        // Independent splits overlap by about 10 % of 10 %: far from the same people.
        Assert.InRange(atTen.Intersect(otherExperiment).Count(), 0, atTen.Count / 4);
    }

    [Fact]
    public void Wilson_interval_matches_the_textbook_figures()
    {
        // 10 successes in 100 trials: Wilson 95 % interval 0.0552 to 0.1744.
        var estimate = ArmReport.Wilson(10, 100);
        Assert.Equal(0.10, estimate.Value, 10);
        Assert.Equal(0.0552, estimate.Low, 3);
        Assert.Equal(0.1744, estimate.High, 3);
        // None of 20: the interval still has width, unlike the normal approximation's 0 to 0.
        var none = ArmReport.Wilson(0, 20);
        Assert.Equal(0, none.Low, 10);
        Assert.Equal(0.1611, none.High, 3);
        Assert.False(ArmReport.Wilson(0, 0).IsKnown);
    }

    [Fact]
    public void The_mean_rating_interval_comes_from_the_sample_variance()
    {
        // Ratings 3, 4, 5: mean 4, sample variance 1, half-width 1.96 / sqrt(3).
        var arm = new ArmReport(new ArmCounts(ExperimentArms.Candidate, People: 1, Impressions: 10, Opened: 0, Rated: 3, RatingSum: 12, RatingSquares: 50));
        double half = ArmReport.Z / Math.Sqrt(3);

        Assert.Equal(4.0, arm.MeanRating.Value, 10);
        Assert.Equal(4.0 - half, arm.MeanRating.Low, 10);
        Assert.Equal(4.0 + half, arm.MeanRating.High, 10);
        Assert.Equal(0.3, arm.RatedShare.Value, 10);
        Assert.False(double.IsFinite(new ArmReport(arm.Counts with { Rated = 1, RatingSum = 4, RatingSquares = 16 }).MeanRating.Low));
    }
}
