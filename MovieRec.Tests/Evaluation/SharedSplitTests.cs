using MovieRec.Core.Catalog;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Ratings;
using Xunit.Abstractions;

namespace MovieRec.Tests.Evaluation;

/// <summary>
/// The most-popular baseline on the shared ml-latest-small split must reproduce the figures measured
/// independently in shared/MODELS.md (NDCG@10 0.159, coverage 0.005, mean train count 197).
/// </summary>
public class SharedSplitTests(ITestOutputHelper output)
{
    [Fact]
    public void Most_popular_on_the_shared_split_matches_the_independent_measurement()
    {
        Rating[] train = SharedSplit.Train;
        Rating[] test = SharedSplit.Test;
        Movie[] movies = SharedSplit.Movies;
        Assert.Equal(80_896, train.Length);
        Assert.Equal(9_742, movies.Length);
        Assert.Contains(movies, m => m.Title == "11'09\"01 - September 11 (2002)"); // the parser copes with quotes

        var data = new EvaluationData(train, test, movies, RatingScale.HalfStars);
        EvaluationResult result = Evaluator.Evaluate(data, new MostPopularModel(train), threads: 2);
        output.WriteLine(new EvaluationReport(result, result, result).ToTable());
        output.WriteLine($"evaluated users {result.EvaluatedUsers}, NDCG@10 {result.NdcgAt10:R}, coverage {result.Coverage:R}");

        Assert.Equal(19_940, result.TestRows);
        Assert.InRange(result.EvaluatedUsers, 1, 610);
        Assert.Null(result.Rmse);
        Assert.InRange(TinyData.Value(result.NdcgAt10), 0.159 - 0.003, 0.159 + 0.003);
        // 0.005 is given to one significant figure (about 49 of 9,742 movies): hold it to that rounding
        Assert.InRange(TinyData.Value(result.Coverage), 0.0045, 0.0055);
        Assert.InRange(TinyData.Value(result.MeanTrainCount), 196.5, 197.5);
    }
}
