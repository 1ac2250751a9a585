using System.Buffers;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>A recommended or similar movie with its score and, where it applies, the predicted rating.</summary>
public readonly record struct ScoredMovie(int MovieId, double Score, double? PredictedRating);

/// <summary>
/// Answers the questions the app and the evaluation ask of one model snapshot: predicted rating,
/// personal picks, similar movies. Immutable and thread-safe; built once per
/// snapshot (it precomputes the <see cref="ScoringIndex"/>).
/// </summary>
public sealed class Recommender
{
    /// <param name="model">The snapshot to serve.</param>
    /// <param name="scale">The rating scale predictions are clipped to; the app's half stars unless the data says otherwise.</param>
    public Recommender(ModelSnapshot model, RatingScale? scale = null)
    {
        Model = model;
        Index = new ScoringIndex(model);
        Scale = scale ?? RatingScale.HalfStars;
    }

    public ModelSnapshot Model { get; }
    public ScoringIndex Index { get; }
    public RatingScale Scale { get; }

    /// <summary>The profile of a user the model knows, or null.</summary>
    public UserProfile? KnownProfile(int userId)
    {
        int u = Model.Users.IndexOf(userId);
        return u < 0 ? null : FoldIn.Known(Model, u);
    }

    /// <summary>mu + b_u + b_i + w_u . q_i, clipped to the scale; terms the model lacks are dropped.</summary>
    public double PredictRating(UserProfile profile, int movieId)
    {
        int i = Model.Items.IndexOf(movieId);
        return Scale.Clip(RatingPrediction.Raw(Model.Mu, profile.Bias,
            i >= 0 ? Model.ItemBias[i] : 0,
            profile.RatingVector,
            i >= 0 ? Model.ItemFactors.Row(i) : ReadOnlySpan<double>.Empty));
    }

    /// <summary>Raw (unclipped) predicted rating by dense indices, -1 meaning unknown.</summary>
    public double PredictByIndex(int userIndex, int itemIndex) => Model.PredictByIndex(userIndex, itemIndex);

    /// <summary>The pick score of every item (dense index order) for a profile.</summary>
    public float[] ScoreAll(UserProfile profile)
    {
        var scores = new float[Model.Items.Count];
        ScoringIndex.MultiplyRows(Index.PickRows, Index.PickQuery(profile), scores);
        return scores;
    }

    /// <summary>The n best picks for a profile, excluding the movies in <paramref name="exclude"/> (what they rated).</summary>
    public IReadOnlyList<ScoredMovie> Recommend(UserProfile profile, int n, IReadOnlySet<int> exclude)
    {
        // A pooled buffer: a fresh array per request would land on the large-object heap for a
        // big catalogue and bring on the full collections that make the slowest requests slow.
        var buffer = ArrayPool<float>.Shared.Rent(Model.Items.Count);
        try
        {
            var scores = buffer.AsSpan(0, Model.Items.Count);
            ScoringIndex.MultiplyRows(Index.PickRows, Index.PickQuery(profile), scores);
            foreach (int movieId in exclude)
            {
                int item = Model.Items.IndexOf(movieId);
                if (item >= 0) scores[item] = float.NaN;
            }
            var best = TopNSelector.Select(scores, n);
            return best.Select(i => new ScoredMovie(Model.Items.IdOf(i), buffer[i], PredictRating(profile, Model.Items.IdOf(i)))).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Movies nearest to one movie by cosine over Q, shrunk by the neighbour's support (see
    /// <see cref="ScoringIndex"/>); the score is that shrunk cosine. Empty when the model does not know the movie.
    /// </summary>
    public IReadOnlyList<ScoredMovie> Similar(int movieId, int n)
    {
        int item = Model.Items.IndexOf(movieId);
        if (item < 0 || Model.ItemNorms[item] == 0) return [];
        var query = Index.UnitItemFactorRow(item);
        var buffer = ArrayPool<float>.Shared.Rent(Model.Items.Count);
        try
        {
            var scores = buffer.AsSpan(0, Model.Items.Count);
            ScoringIndex.MultiplyRows(Index.UnitItemFactors, query, scores);
            scores[item] = float.NaN;
            foreach (int empty in Index.ItemsWithoutFactors) scores[empty] = float.NaN;
            var best = TopNSelector.Select(scores, n);
            // The query row carries the movie's own support weight too: divide it out of the scores.
            double own = ScoringIndex.SupportWeight(Model.ItemRatingCounts[item]);
            return best.Select(i => new ScoredMovie(Model.Items.IdOf(i), buffer[i] / own, null)).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
