using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// A trained model under evaluation with the user vectors it learned in training ("known
/// profiles", `evaluate --known-profiles`): ratings predicted by mu + b_u + b_i + w_u . q_i,
/// candidates ordered by the model's pick score. This is not what people are served (the app folds
/// a person in from their ratings: <see cref="ServedPathModel"/>); it is kept to compare with the
/// figures published before. A movie the model has never seen scores below every movie it knows.
/// </summary>
public sealed class RecommenderModel(Recommender recommender, string name = "model, known profiles") : IEvaluatedModel
{
    public string Name => name;

    public bool PredictsRatings => true;

    public double PredictRating(int userId, int movieId) =>
        recommender.PredictRating(recommender.KnownProfile(userId) ?? UserProfile.Empty, movieId);

    public void ScoreCandidates(int userId, ReadOnlySpan<int> movieIds, Span<double> scores)
    {
        var profile = recommender.KnownProfile(userId) ?? UserProfile.Empty;
        var all = recommender.ScoreAll(profile);
        var items = recommender.Model.Items;
        for (int n = 0; n < movieIds.Length; n++)
        {
            int item = items.IndexOf(movieIds[n]);
            scores[n] = item >= 0 ? all[item] : double.NegativeInfinity;
        }
    }
}
