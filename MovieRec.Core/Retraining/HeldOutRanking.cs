using MovieRec.Core.Catalog;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Ratings;
using MovieRec.Core.Recommending;

namespace MovieRec.Core.Retraining;

/// <summary>
/// NDCG@10 of a freshly trained model on its held-out slice, by the evaluation protocol's own
/// metric (relevant: rated 4 or more; candidates: every movie the model knows that the person did
/// not rate in training), through the served path (<see cref="ServedPathModel"/>: each person folded
/// in from their training ratings, the picks people are shown). Measured on at most
/// <see cref="MaxUsers"/> people chosen by id, so the figure costs seconds even on ml-32m and
/// two versions trained on the same data are measured on the same people.
/// </summary>
public static class HeldOutRanking
{
    public const int MaxUsers = 2_000;

    /// <summary>The mean NDCG@10, or null when no held-out person has a relevant rating.</summary>
    public static double? Ndcg(ModelSnapshot model, IReadOnlyList<Rating> train, IReadOnlyList<Rating> heldOut, int threads = 0)
    {
        var people = heldOut.Where(r => r.Value >= EvaluationData.RelevanceThreshold).Select(r => r.UserId)
            .Distinct().Order().Take(MaxUsers).ToHashSet();
        if (people.Count == 0) return null;
        var catalog = Enumerable.Range(0, model.Items.Count)
            .Select(index => new Movie(model.Items.IdOf(index), "", null, [])).ToList();
        var data = new EvaluationData(
            train.Where(r => people.Contains(r.UserId)).ToList(),
            heldOut.Where(r => people.Contains(r.UserId)).ToList(),
            catalog, RatingScale.HalfStars);
        var result = Evaluator.Evaluate(data, new ServedPathModel(new ServedRecommender(new Recommender(model)), data), threads);
        return result.NdcgAt10;
    }
}
