using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;

namespace MovieRec.Tests.Recommending;

/// <summary>
/// One fixed model for the served-recommender tests: the first 120 users of the shared split's
/// train file, small options, one thread, the trainer's fixed seed. Trained once per test run.
/// </summary>
public static class SmallServedModel
{
    private static readonly Lazy<(ServedRecommender Served, Rating[] Ratings)> Trained = new(() =>
    {
        var ratings = SharedSplit.Train.Where(r => r.UserId <= 120).ToArray();
        var model = ModelTrainer.Train(ratings, new TrainerOptions { Rank = 6, Iterations = 4, RankingRank = 8, RankingIterations = 4, Threads = 1 });
        return (new ServedRecommender(new Recommender(model)), ratings);
    });

    public static ServedRecommender Served => Trained.Value.Served;

    public static Recommender Recommender => Trained.Value.Served.Recommender;

    public static Rating[] Ratings => Trained.Value.Ratings;

    /// <summary>One train user's ratings as the served recommender takes them.</summary>
    public static IReadOnlyList<PersonRating> RatingsOf(int userId) =>
        Ratings.Where(r => r.UserId == userId).Select(r => new PersonRating(r.MovieId, r.Value)).ToList();
}
