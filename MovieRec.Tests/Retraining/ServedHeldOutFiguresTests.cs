using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;
using MovieRec.Core.Retraining;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Retraining;

/// <summary>
/// The retrain gate and the published figures measure what people are shown: the held-out RMSE of
/// the served rating (fold-in from the training ratings, the blended prediction) and the NDCG@10 of
/// the served picks, checked against the served recommender asked person by person.
/// </summary>
public sealed class ServedHeldOutFiguresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-served-held-out-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_gate_and_the_model_facts_use_the_served_rating_and_picks()
    {
        await using var store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder, "movierec.db"), NullLoggerFactory.Instance);
        await DatasetImporter.ImportAsync(store, TestPaths.MlLatestSmall);
        var options = new TrainerOptions { Rank = 6, Iterations = 3, RankingRank = 6, RankingIterations = 2, Threads = 2 };

        var result = await Retrainer.RunAsync(store, new RetrainRequest(null, Path.Combine(_folder, "model.bin"), options));

        // The same split, each held-out person asked of the served recommender as the app asks it.
        var stored = new List<Rating>();
        await foreach (var rating in store.Ratings.StreamAllAsync()) stored.Add(rating);
        var (train, heldOut) = HeldOutSplit.Split(stored, result.HeldOutShare);
        var served = new ServedRecommender(new Recommender(result.Model));
        var trainingOf = train.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<PersonRating>)g.Select(r => new PersonRating(r.MovieId, r.Value)).ToList());
        double squares = 0;
        foreach (var rating in heldOut)
        {
            var profile = trainingOf.TryGetValue(rating.UserId, out var own) ? served.Profile(own) : UserProfile.Empty;
            double error = served.PredictRating(profile, rating.MovieId) - rating.Value;
            squares += error * error;
        }
        double expectedRmse = Math.Sqrt(squares / heldOut.Length);

        Assert.Equal(expectedRmse, result.NewRmse, 10);
        Assert.Equal(expectedRmse, result.Model.Facts.ServedHeldOutRmse!.Value, 10);
        // The factor formula alone (what was published before) is another figure: the two are told apart.
        Assert.True(Math.Abs(result.Model.Facts.HeldOutRmse!.Value - expectedRmse) > 1e-4,
            $"factor model {result.Model.Facts.HeldOutRmse} against served {expectedRmse}");

        // NDCG@10 of the served picks (relevant: rated 4 or more on the slice), person by person.
        var relevant = heldOut.Where(r => r.Value >= EvaluationData.RelevanceThreshold).GroupBy(r => r.UserId)
            .Where(g => trainingOf.ContainsKey(g.Key)).ToDictionary(g => g.Key, g => g.Select(r => r.MovieId).ToHashSet());
        Assert.True(relevant.Count > 100);
        double sum = 0;
        foreach (var (userId, liked) in relevant)
        {
            var picks = served.Picks(trainingOf[userId], Exclusions.None, 10, explain: false);
            double dcg = 0, ideal = 0;
            for (int n = 0; n < picks.Count; n++) if (liked.Contains(picks[n].MovieId)) dcg += 1 / Math.Log2(n + 2);
            for (int n = 0; n < Math.Min(10, liked.Count); n++) ideal += 1 / Math.Log2(n + 2);
            sum += dcg / ideal;
        }
        Assert.Equal(sum / relevant.Count, result.HeldOutNdcg!.Value, 10);
    }
}
