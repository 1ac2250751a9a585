using MovieRec.Core.Catalog;
using MovieRec.Core.Engine;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Ratings;
using static MovieRec.Tests.Evaluation.TinyData;

namespace MovieRec.Tests.Evaluation;

public class EvaluatorTests
{
    // The hand-worked case. Movies 1..12: odd ids Drama, even ids Comedy, 12 without genres.
    // Train: u1 {1, 2}; u2 {1, 11, 12}; u3 {3}; u5 {11, 12}
    //   -> n_1 = 2, n_2 = 1, n_3 = 1, n_11 = 2, n_12 = 2, others 0; n_users = 4
    // Test (7 rows): u1 3:4.0, 12:5.0, 4:2.0 | u2 2:3.5 | u3 1:4.5, 5:4.0 | u4 1:5.0
    //   -> relevant u1 {3, 12}, u3 {1, 5}, u4 {1}; u2 has none and is not evaluated
    private static readonly Movie[] TwelveMovies = Enumerable.Range(1, 12)
        .Select(id => id == 12 ? M(id) : M(id, id % 2 == 1 ? "Drama" : "Comedy"))
        .ToArray();

    private static EvaluationData HandWorkedData() => new(
        trainRatings: [R(1, 1, 3), R(1, 2, 3), R(2, 1, 3), R(2, 11, 3), R(2, 12, 3), R(3, 3, 3), R(5, 11, 3), R(5, 12, 3)],
        testRatings: [R(1, 3, 4.0), R(1, 12, 5.0), R(1, 4, 2.0), R(2, 2, 3.5), R(3, 1, 4.5), R(3, 5, 4.0), R(4, 1, 5.0)],
        movies: TwelveMovies,
        scale: RatingScale.HalfStars);

    // Higher movie id, higher score: lists are the largest unrated ids.
    private static ScriptedModel ByMovieId() => new((_, movieId) => movieId);

    [Fact]
    public void Top_n_figures_of_the_hand_worked_case()
    {
        // Top 10 (score = id):
        //   u1 candidates {3..12}        -> [12 11 10 9 8 7 6 5 4 3]; hits 12 (rank 1), 3 (rank 10)
        //   u3 candidates {1, 2, 4..12}  -> [12 11 10 9 8 7 6 5 4 2]; hit 5 (rank 8); 1 is 11th, cut
        //   u4 candidates {1..12}        -> [12 11 10 9 8 7 6 5 4 3]; no hit
        EvaluationResult result = Evaluator.Evaluate(HandWorkedData(), ByMovieId(), threads: 2);

        Assert.Equal(3, result.EvaluatedUsers);
        Assert.Equal(7, result.TestRows);
        // precision (2/10 + 1/10 + 0) / 3 = 0.1; recall (2/2 + 1/2 + 0/1) / 3 = 0.5; hit rate 2/3
        Assert.Equal(0.1, Value(result.PrecisionAt10), 1e-12);
        Assert.Equal(0.5, Value(result.RecallAt10), 1e-12);
        Assert.Equal(2.0 / 3.0, Value(result.HitRateAt10), 1e-12);
        // NDCG: idcg for 2 relevant = 1 + 1/log2(3) = 1.6309297536
        //   u1 (1/log2(2) + 1/log2(11)) / 1.6309297536 = 1.2890648263 / 1.6309297536 = 0.7903864795
        //   u3 (1/log2(9)) / 1.6309297536 = 0.3154648768 / 1.6309297536 = 0.1934264036
        //   u4 0; mean = 0.9838128832 / 3 = 0.3279376277
        Assert.Equal(0.327937627722259, Value(result.NdcgAt10), 1e-12);
        // distinct recommended {2..12} = 11 of 12 movies
        Assert.Equal(11.0 / 12.0, Value(result.Coverage), 1e-12);
        // -log2(max(1, n_i) / 4): n 0 or 1 -> 2 bits, n 2 -> 1 bit
        //   u1: movies 3..10 -> 8 x 2, movies 11, 12 -> 2 x 1 = 18; u3: 2, 4..10 -> 16, + 2 = 18; u4: 18
        //   54 / 30 pairs = 1.8
        Assert.Equal(1.8, Value(result.Novelty), 1e-12);
        // train counts: u1 n_3 + n_11 + n_12 = 1 + 2 + 2 = 5; u3 n_2 + 2 + 2 = 5; u4 5 -> 15 / 30 = 0.5
        Assert.Equal(0.5, Value(result.MeanTrainCount), 1e-12);
        // u1 list: 5 Drama (3 5 7 9 11), 4 Comedy (4 6 8 10), 1 empty (12); 45 pairs.
        //   distance 1 for Drama-Comedy 5*4 = 20, empty-Drama 5, empty-Comedy 4; 0 for same genre
        //   -> 29 / 45. u3: 4 Drama, 5 Comedy, 1 empty -> 20 + 4 + 5 = 29 / 45. u4 = u1. Mean 29 / 45.
        Assert.Equal(29.0 / 45.0, Value(result.Diversity), 1e-12);
        // a ranking-only model: no rating figures; the evaluator times the top-N pass itself
        Assert.Null(result.Rmse);
        Assert.Null(result.Mae);
        Assert.Null(result.TrainSeconds);
        Assert.True(result.TopNSeconds >= 0);
    }

    [Fact]
    public void Candidates_exclude_the_users_train_ratings_and_nothing_else()
    {
        var model = ByMovieId();
        Evaluator.Evaluate(HandWorkedData(), model, threads: 1);

        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12], model.CandidatesByUser[1]); // rated 1, 2
        Assert.Equal([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12], model.CandidatesByUser[3]); // rated 3
        Assert.Equal(Enumerable.Range(1, 12), model.CandidatesByUser[4]); // not in train
        Assert.False(model.CandidatesByUser.ContainsKey(2)); // no relevant item: not evaluated
    }

    [Fact]
    public void Ties_are_broken_by_the_smaller_movie_id()
    {
        // Movies 1..20, every score equal. u1 rated 2 in train; relevant {3}.
        // Smaller id first: [1 3 4 ... 11] -> 3 at rank 2: NDCG = (1/log2(3)) / 1 = 0.6309297536
        // (larger id first would give [20 .. 11] and no hit at all)
        var data = new EvaluationData(
            [R(1, 2, 3)], [R(1, 3, 4)], Enumerable.Range(1, 20).Select(id => M(id)).ToArray(), RatingScale.HalfStars);
        EvaluationResult result = Evaluator.Evaluate(data, new ScriptedModel((_, _) => 0.0), threads: 1);

        Assert.Equal(0.6309297535714575, Value(result.NdcgAt10), 1e-12);
        Assert.Equal(0.1, Value(result.PrecisionAt10), 1e-12);
    }

    [Fact]
    public void Rating_error_is_over_every_test_row_with_clipped_predictions()
    {
        // prediction per test row (scale 0.5..5):
        //   u1 m3  actual 4.0, raw 6.0 -> clipped 5.0, error  1.0
        //   u1 m12 actual 5.0, raw 9.0 -> clipped 5.0, error  0
        //   u1 m4  actual 2.0, raw 0.0 -> clipped 0.5, error -1.5
        //   u2 m2  actual 3.5, raw 3.5,                error  0
        //   u3 m1  actual 4.5, raw 4.0,                error -0.5
        //   u3 m5  actual 4.0, raw 4.0,                error  0
        //   u4 m1  actual 5.0, raw 3.0 (u4 unknown to train, still asked), error -2.0
        // squares 1 + 0 + 2.25 + 0 + 0.25 + 0 + 4 = 7.5 -> RMSE sqrt(7.5 / 7) = 1.0350983390
        // absolute 1 + 0 + 1.5 + 0 + 0.5 + 0 + 2 = 5 -> MAE 5 / 7 = 0.7142857143
        var raw = new Dictionary<(int, int), double>
        {
            [(1, 3)] = 6.0, [(1, 12)] = 9.0, [(1, 4)] = 0.0, [(2, 2)] = 3.5,
            [(3, 1)] = 4.0, [(3, 5)] = 4.0, [(4, 1)] = 3.0,
        };
        var model = new ScriptedModel((_, movieId) => movieId, (u, m) => raw[(u, m)]);
        EvaluationResult result = Evaluator.Evaluate(HandWorkedData(), model);

        Assert.Equal(1.0350983390135313, Value(result.Rmse), 1e-12);
        Assert.Equal(5.0 / 7.0, Value(result.Mae), 1e-12);
        Assert.Equal(7, model.PredictionRequests.Count); // user 2, without a relevant item, counts too
    }

    [Fact]
    public void Unknown_users_and_movies_are_predicted_by_dropping_their_biases()
    {
        // mu 3; user 1 +1; movie 10 +0.5. Test rows (actual 3 each):
        //   (1, 10) 3 + 1 + 0.5 = 4.5, error 1.5
        //   (1, 77) unknown movie: 3 + 1 = 4, error 1
        //   (9, 10) unknown user:  3 + 0.5 = 3.5, error 0.5
        //   (9, 77) both unknown:  3, error 0
        // MAE (1.5 + 1 + 0.5 + 0) / 4 = 0.75; RMSE sqrt((2.25 + 1 + 0.25 + 0) / 4) = sqrt(0.875) = 0.9354143467
        var model = new BiasOnlyModel(new Biases(3.0, [1.0], [0.5]), new IdMap([1]), new IdMap([10]));
        var data = new EvaluationData(
            [R(1, 10, 3)], [R(1, 10, 3), R(1, 77, 3), R(9, 10, 3), R(9, 77, 3)], [M(10), M(77)], RatingScale.HalfStars);
        EvaluationResult result = Evaluator.Evaluate(data, model, threads: 1);

        Assert.Equal(0.75, Value(result.Mae), 1e-12);
        Assert.Equal(0.9354143466934853, Value(result.Rmse), 1e-12);
        Assert.Equal(0, result.EvaluatedUsers); // no rating reaches 4: no top-N figures
        Assert.Null(result.NdcgAt10);
        Assert.Null(result.Coverage);
    }

    [Fact]
    public void Figures_do_not_depend_on_the_number_of_threads()
    {
        var random = new Random(7);
        Movie[] movies = Enumerable.Range(1, 300).Select(id => M(id, id % 3 == 0 ? "Drama" : "Comedy")).ToArray();
        Rating[] train = Enumerable.Range(0, 3000).Select(_ => R(random.Next(1, 80), random.Next(1, 300), 3)).DistinctBy(r => (r.UserId, r.MovieId)).ToArray();
        Rating[] test = Enumerable.Range(0, 800).Select(_ => R(random.Next(1, 90), random.Next(1, 320), random.Next(1, 11) / 2.0)).ToArray();
        var data = new EvaluationData(train, test, movies, RatingScale.HalfStars);
        // few distinct scores, so many ties: the order must come from the tie rule, not from timing
        var model = new ScriptedModel((u, m) => (u * 31 + m * 17) % 5, (u, m) => (u + m) % 6);

        EvaluationResult one = Evaluator.Evaluate(data, model, threads: 1) with { TopNSeconds = null };
        EvaluationResult four = Evaluator.Evaluate(data, model, threads: 4) with { TopNSeconds = null };

        Assert.True(one.EvaluatedUsers > 20);
        Assert.Equal(one, four);
    }
}
