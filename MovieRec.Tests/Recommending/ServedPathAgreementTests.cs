using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;
using MovieRec.Tests.Web;
using MovieRec.Web.Models;
using MovieRec.Web.Recommendations;

namespace MovieRec.Tests.Recommending;

/// <summary>
/// `evaluate` must measure what people are served: for the same user and model, the list the
/// evaluator scores equals the picks the web app shows a person whose stored ratings are that
/// user's training ratings.
/// </summary>
public sealed class ServedPathAgreementTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-agreement-").FullName;
    private SqliteMovieRecStore _store = null!;

    public async Task InitializeAsync() =>
        _store = await SqliteMovieRecStore.OpenAsync(Path.Combine(_folder, "db.sqlite"), NullLoggerFactory.Instance);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_evaluators_lists_are_the_apps_picks_for_the_same_user_and_model()
    {
        var model = ModelTrainer.Train(SharedSplit.Train,
            new TrainerOptions { Rank = 8, Iterations = 3, RankingRank = 8, RankingIterations = 3, Threads = 1 });

        // A light, a middling and the heaviest rater of the split.
        var byUser = SharedSplit.Train.GroupBy(r => r.UserId).OrderBy(g => g.Count()).ToList();
        int[] users = [byUser[0].Key, byUser[byUser.Count / 2].Key, byUser[^1].Key];
        await _store.Movies.UpsertManyAsync(SharedSplit.Movies);
        await _store.Users.ImportAsync(users.Select(ImportedUser.FromDataset));
        await _store.Ratings.ImportAsync(SharedSplit.Train.Where(r => users.Contains(r.UserId)));

        var holder = WebParts.Serving(model, _folder);
        var cache = WebParts.Cache(holder);
        using var people = WebParts.People(_store);
        var app = new PersonalPicks(people, holder, new MovieDetailsCache(_store, cache), WebParts.Metrics(holder), WebParts.Experiments(_store, holder));
        var data = new EvaluationData(SharedSplit.Train, SharedSplit.Test, SharedSplit.Movies, RatingScale.HalfStars);
        var evaluated = new ServedPathModel(new ServedRecommender(new Recommender(model)), data);

        foreach (int userId in users)
        {
            var shown = (await app.ForUserAsync(userId, Evaluator.K))!.Select(p => p.Movie.MovieId).ToArray();
            Assert.Equal(Evaluator.K, shown.Length);
            Assert.Equal(shown, evaluated.TopN(userId, Evaluator.K));
        }
    }

    [Fact]
    public void The_known_profile_lists_differ_from_the_served_ones_so_the_agreement_test_can_fail()
    {
        var model = ModelTrainer.Train(SharedSplit.Train,
            new TrainerOptions { Rank = 8, Iterations = 3, RankingRank = 8, RankingIterations = 3, Threads = 1 });
        var data = new EvaluationData(SharedSplit.Train, SharedSplit.Test, SharedSplit.Movies, RatingScale.HalfStars);
        var recommender = new Recommender(model);
        var served = new ServedPathModel(new ServedRecommender(recommender), data);

        // Scoring the trained user vectors (the old evaluation) gives other lists for some users.
        int differing = data.EvaluatedUsers.Count(userId =>
        {
            var known = recommender.Recommend(recommender.KnownProfile(userId) ?? UserProfile.Empty, Evaluator.K,
                data.TrainMovies(userId).ToArray().ToHashSet());
            return !known.Select(s => s.MovieId).SequenceEqual(served.TopN(userId, Evaluator.K));
        });
        Assert.True(differing > 0, "fold-in and trained vectors gave identical lists for every user");
    }
}
