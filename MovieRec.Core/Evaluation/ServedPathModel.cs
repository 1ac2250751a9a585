using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Recommending;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// A trained model measured the way people are served by it: each test user is folded in from
/// their TRAINING ratings exactly as the app folds in a person's stored ratings, and their list is
/// the served recommender's picks (the same exclusion of rated movies, the same ranking); a user
/// with no training ratings gets the popular fallback by train counts, as the app shows the most
/// rated movies to someone who rated nothing. Ratings are predicted from the same folded-in profile.
/// Lists are served at one familiar/new step (the default step unless told).
/// </summary>
public sealed class ServedPathModel(ServedRecommender served, EvaluationData data, string name = "model", int familiarNewStep = FamiliarNew.DefaultStep)
    : IEvaluatedModel, IListsPicks
{
    // The evaluator asks for ratings from one thread in test-file order, which is grouped by user:
    // one cached profile saves a fold-in per row.
    private (int UserId, UserProfile Profile)? _lastProfile;

    public string Name => name;

    public bool PredictsRatings => true;

    public double PredictRating(int userId, int movieId)
    {
        if (_lastProfile is not { } last || last.UserId != userId)
            _lastProfile = last = (userId, served.Profile(data.TrainRatings(userId)));
        return served.PredictRating(last.Profile, movieId);
    }

    public void ScoreCandidates(int userId, ReadOnlySpan<int> movieIds, Span<double> scores)
    {
        var all = served.Recommender.ScoreAll(served.Profile(data.TrainRatings(userId)));
        var items = served.Recommender.Model.Items;
        for (int n = 0; n < movieIds.Length; n++)
        {
            int item = items.IndexOf(movieIds[n]);
            scores[n] = item >= 0 ? all[item] : double.NegativeInfinity;
        }
    }

    public int[] TopN(int userId, int k)
    {
        var ratings = data.TrainRatings(userId);
        if (ratings.Count == 0)
            return PopularFallback.Choose(data.MostRatedFirst, id => id, Exclusions.None, k).ToArray();
        return served.Picks(ratings, Exclusions.None, k, explain: false, familiarNewStep).Select(p => p.MovieId).ToArray();
    }
}
