using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The app folds a person in from their ratings (one exact user half-step against the fixed item
/// factors) instead of reading the trained user vectors. These tests score the shared split both
/// ways with the same model, so the published figure holds for the path people are served.
/// </summary>
public class FoldInRankingAccuracyTests
{
    /// <summary>Picks scored from profiles folded in from each user's train ratings, as the app does.</summary>
    private sealed class FoldedInModel : IEvaluatedModel
    {
        private readonly Recommender _recommender;
        private readonly Dictionary<int, UserProfile> _profiles;

        public FoldedInModel(Recommender recommender, IEnumerable<Rating> train)
        {
            _recommender = recommender;
            _profiles = train.GroupBy(r => r.UserId).ToDictionary(
                g => g.Key, g => FoldIn.Compute(recommender.Model, g.Select(r => (r.MovieId, (double)r.Value))));
        }

        public string Name => "folded in";
        public bool PredictsRatings => true;

        public double PredictRating(int userId, int movieId) =>
            _recommender.PredictRating(_profiles.GetValueOrDefault(userId, UserProfile.Empty), movieId, double.MinValue, double.MaxValue);

        public void ScoreCandidates(int userId, ReadOnlySpan<int> movieIds, Span<double> scores)
        {
            var all = _recommender.ScoreAll(_profiles.GetValueOrDefault(userId, UserProfile.Empty));
            for (int n = 0; n < movieIds.Length; n++)
            {
                int item = _recommender.Model.Items.IndexOf(movieIds[n]);
                scores[n] = item >= 0 ? all[item] : double.NegativeInfinity;
            }
        }
    }

    [Fact]
    public void Folded_in_profiles_score_as_well_as_the_trained_ones_on_the_shared_split()
    {
        var data = new EvaluationData(SharedSplit.Train, SharedSplit.Test, SharedSplit.Movies, RatingScale.HalfStars);
        var recommender = new Recommender(ModelTrainer.Train(SharedSplit.Train, new TrainerOptions()));

        var known = Evaluator.Evaluate(data, new RecommenderModel(recommender));
        var folded = Evaluator.Evaluate(data, new FoldedInModel(recommender, SharedSplit.Train));

        Assert.True(Math.Abs(folded.NdcgAt10!.Value - known.NdcgAt10!.Value) < 0.005, $"NDCG@10 folded in {folded.NdcgAt10}, trained {known.NdcgAt10}");
        Assert.True(Math.Abs(folded.Rmse!.Value - known.Rmse!.Value) < 0.003, $"RMSE folded in {folded.Rmse}, trained {known.Rmse}");
        Assert.True(folded.NdcgAt10 >= 0.30, $"NDCG@10 folded in {folded.NdcgAt10}");
    }
}
