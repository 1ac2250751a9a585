using System.Buffers;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The last answer per profile object: a person whose ratings have not changed gets the same
    /// profile from the fold-in cache (Recommending/FoldInCache), so the same question about it
    /// (same n, same exclusions) has the same answer and need not be ranked again. Entries go with
    /// their profile when the fold-in cache lets it go.
    /// </summary>
    private readonly ConditionalWeakTable<UserProfile, LastAnswer> _lastAnswers = new();

    private sealed record LastAnswer(int N, HashSet<int> Excluded, ScoredMovie[] Best);

    /// <summary>The n best picks for a profile, excluding the movies in <paramref name="exclude"/> (what they rated).</summary>
    public IReadOnlyList<ScoredMovie> Recommend(UserProfile profile, int n, IReadOnlySet<int> exclude)
    {
        if (n <= 0) return [];
        if (_lastAnswers.TryGetValue(profile, out var last) && last.N == n && last.Excluded.SetEquals(exclude)) return last.Best;
        var best = Rank(profile, n, exclude).ToArray();
        _lastAnswers.AddOrUpdate(profile, new LastAnswer(n, [.. exclude], best));
        return best;
    }

    private List<ScoredMovie> Rank(UserProfile profile, int n, IReadOnlySet<int> exclude)
    {
        var query = Index.PickQuery(profile);
        // Pooled: a heavy rater excludes thousands of movies, and a big catalogue's buffers would
        // land on the large-object heap and bring on the full collections that make slow requests slow.
        var excluded = ArrayPool<int>.Shared.Rent(exclude.Count);
        try
        {
            int count = 0;
            foreach (int movieId in exclude)
            {
                int item = Model.Items.IndexOf(movieId);
                if (item >= 0) excluded[count++] = item;
            }
            return Best(Index.PickTopN, query, excluded.AsSpan(0, count), n,
                (item, score) => new ScoredMovie(Model.Items.IdOf(item), score, PredictRating(profile, Model.Items.IdOf(item))));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(excluded);
        }
    }

    /// <summary>
    /// Movies nearest to one movie by cosine over Q, shrunk by the neighbour's support (see
    /// <see cref="ScoringIndex"/>); the score is that shrunk cosine. Empty when the model does not know the movie.
    /// </summary>
    public IReadOnlyList<ScoredMovie> Similar(int movieId, int n)
    {
        int item = Model.Items.IndexOf(movieId);
        if (item < 0 || Model.ItemNorms[item] == 0 || n <= 0) return [];
        var query = Index.UnitItemFactorRow(item);
        var without = Index.ItemsWithoutFactors;
        var excluded = ArrayPool<int>.Shared.Rent(without.Length + 1);
        try
        {
            excluded[0] = item;
            without.CopyTo(excluded, 1);
            // The query row carries the movie's own support weight too: divide it out of the scores.
            double own = ScoringIndex.SupportWeight(Model.ItemRatingCounts[item]);
            return Best(Index.SimilarTopN, query, excluded.AsSpan(0, without.Length + 1), n,
                (other, score) => new ScoredMovie(Model.Items.IdOf(other), score / own, null));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(excluded);
        }
    }

    private static List<ScoredMovie> Best(ExactTopN topN, ReadOnlySpan<float> query, ReadOnlySpan<int> excluded, int n, Func<int, float, ScoredMovie> shape)
    {
        int k = Math.Min(n, topN.Count);
        var ids = ArrayPool<int>.Shared.Rent(k);
        var scores = ArrayPool<float>.Shared.Rent(k);
        try
        {
            int found = topN.Select(query, excluded, ids.AsSpan(0, k), scores.AsSpan(0, k));
            var best = new List<ScoredMovie>(found);
            for (int r = 0; r < found; r++) best.Add(shape(ids[r], scores[r]));
            return best;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(ids);
        }
    }
}
