using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MovieRec.Core.Engine.Neighbourhood;
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

    /// <summary>
    /// mu + b_u + b_i + w_u . q_i blended with the item-neighbourhood term when the model has one
    /// (<see cref="RatingPrediction.Blended"/>), clipped to the scale; terms the model lacks are dropped.
    /// </summary>
    public double PredictRating(UserProfile profile, int movieId)
    {
        int i = Model.Items.IndexOf(movieId);
        // The blend weights were fitted with the term present: a profile without residuals (a
        // trained user, someone with no ratings) gets the plain factor formula instead.
        var (blend, neighbourTerm) = Model.Neighbours is { } neighbours && profile.Rated is { } rated
            ? (neighbours.Blend, i >= 0 ? neighbours.Term(i, rated) : 0)
            : (RatingBlend.Identity, 0);
        return Scale.Clip(RatingPrediction.Blended(blend, Model.Mu, profile.Bias,
            i >= 0 ? Model.ItemBias[i] : 0,
            profile.RatingVector,
            i >= 0 ? Model.ItemFactors.Row(i) : ReadOnlySpan<double>.Empty,
            neighbourTerm));
    }

    /// <summary>Raw (unclipped) predicted rating by dense indices, -1 meaning unknown.</summary>
    public double PredictByIndex(int userIndex, int itemIndex) => Model.PredictByIndex(userIndex, itemIndex);

    /// <summary>
    /// The pick score of every item (dense index order) for a profile, before the neighbourhood
    /// re-scoring: the linear score plus, for a model with EASE, the weighted EASE score: the order
    /// of <see cref="Recommend"/> before its top <see cref="NeighbourRerankDepth"/> are re-scored with
    /// the neighbourhood term (for a model that has one).
    /// </summary>
    public float[] ScoreAll(UserProfile profile)
    {
        var scores = new float[Model.Items.Count];
        ScoringIndex.MultiplyRows(Index.PickRows, Index.PickQuery(profile), scores);
        EaseTerm.For(Model, Index, profile)?.AddTo(scores);
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
        var ease = EaseTerm.For(Model, Index, profile);
        // Pooled: a heavy rater excludes thousands of movies, and a big catalogue's buffers would
        // land on the large-object heap and bring on the full collections that make slow requests slow.
        var excluded = ArrayPool<int>.Shared.Rent(exclude.Count + (ease?.Ease.Count ?? 0));
        try
        {
            int count = 0;
            foreach (int movieId in exclude)
            {
                int item = Model.Items.IndexOf(movieId);
                if (item >= 0) excluded[count++] = item;
            }
            bool rerank = Model.Neighbours is not null && profile.Rated is not null;
            int depth = rerank ? Math.Max(n, NeighbourRerankDepth) : n;
            var candidates = ease is not null
                ? BestWithEase(ease, query, excluded, count, depth)
                : BestItems(Index.PickTopN, query, excluded.AsSpan(0, count), depth);
            if (rerank) return Reranked(profile, Model.Neighbours!, profile.Rated!, candidates, n);
            return candidates.Take(n).Select(c => new ScoredMovie(Model.Items.IdOf(c.Item), c.Score, PredictRating(profile, Model.Items.IdOf(c.Item)))).ToList();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(excluded);
        }
    }

    /// <summary>
    /// The best <paramref name="depth"/> movies by the linear pick score plus the EASE part
    /// (<see cref="EaseTerm"/>), exactly: e is 0 outside the EASE movies, so
    /// the best of the others come from the linear pass with the EASE movies left out of it, and
    /// the EASE movies (a few hundred) are scored one by one, in the same single precision.
    /// Best first, ties to the smaller dense index, as <see cref="TopNSelector"/> orders.
    /// </summary>
    private (int Item, float Score)[] BestWithEase(EaseTerm term, float[] query, int[] excluded, int excludedCount, int depth)
    {
        var ease = term.Ease;
        var skip = ArrayPool<bool>.Shared.Rent(ease.Count);
        try
        {
            var skipped = skip.AsSpan(0, ease.Count);
            skipped.Clear();
            for (int k = 0; k < excludedCount; k++)
                if (ease.PositionOf(excluded[k]) is var a and >= 0) skipped[a] = true;
            int count = excludedCount;
            foreach (int item in ease.Items) excluded[count++] = item;

            var outside = BestItems(Index.PickTopN, query, excluded.AsSpan(0, count), depth);
            var all = new List<(int Item, float Score)>(outside.Length + ease.Count);
            all.AddRange(outside);
            int width = Index.Width;
            ref float q = ref MemoryMarshal.GetArrayDataReference(query);
            for (int a = 0; a < ease.Count; a++)
            {
                if (skipped[a]) continue;
                int item = ease.Items[a];
                float linear = ExactTopN.RowDot(ref Index.PickRows[item * width], ref q, width);
                all.Add((item, linear + term.At(a)));
            }
            all.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Item.CompareTo(y.Item));
            return all.Take(depth).ToArray();
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(skip);
        }
    }

    /// <summary>
    /// How many of the best picks by the linear pick score are scored again with the blended
    /// predicted rating. The neighbourhood term costs a walk of a movie's neighbour list, too much
    /// for every movie of the catalogue on every request; re-scoring the top 30, 100 or 300 gave
    /// the same validation NDCG@10 (docs/BENCHMARKS.md, "Issue 8, third pass").
    /// </summary>
    public const int NeighbourRerankDepth = 100;

    /// <summary>
    /// The candidates re-scored with the rating part of the pick score replaced by the blended
    /// prediction: x_u . y_i + beta_u (Baseline b_i + Factors w_u . q_i + Neighbours n_ui), the same
    /// beta_u as the linear score (<see cref="ScoringIndex.PersonalRatingWeight"/>); terms the same
    /// for every movie are left out. Best n first, ties to the smaller movie id.
    /// </summary>
    private List<ScoredMovie> Reranked(UserProfile profile, NeighbourModel neighbours, RatedResiduals rated, (int Item, float Score)[] candidates, int n)
    {
        double weight = Index.PersonalRatingWeight(profile);
        var blend = neighbours.Blend;
        var rescored = new (double Score, int Item)[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            int i = candidates[c].Item;
            double factors = profile.RatingVector is { } w ? VectorMath.Dot(w, Model.ItemFactors.Row(i)) : 0;
            double ratingPart = factors + Model.ItemBias[i];
            double blended = blend.Baseline * Model.ItemBias[i] + blend.Factors * factors + blend.Neighbours * neighbours.Term(i, rated);
            rescored[c] = (candidates[c].Score + weight * (blended - ratingPart), i);
        }
        Array.Sort(rescored, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Item.CompareTo(b.Item));
        return rescored.Take(n).Select(r => new ScoredMovie(Model.Items.IdOf(r.Item), r.Score, PredictRating(profile, Model.Items.IdOf(r.Item)))).ToList();
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

    /// <summary>The n best items by the exact top-N pass, as (dense index, score), best first.</summary>
    private static (int Item, float Score)[] BestItems(ExactTopN topN, ReadOnlySpan<float> query, ReadOnlySpan<int> excluded, int n)
    {
        return Best(topN, query, excluded, n, (item, score) => (item, score)).ToArray();
    }

    private static List<T> Best<T>(ExactTopN topN, ReadOnlySpan<float> query, ReadOnlySpan<int> excluded, int n, Func<int, float, T> shape)
    {
        int k = Math.Min(n, topN.Count);
        var ids = ArrayPool<int>.Shared.Rent(k);
        var scores = ArrayPool<float>.Shared.Rent(k);
        try
        {
            int found = topN.Select(query, excluded, ids.AsSpan(0, k), scores.AsSpan(0, k));
            var best = new List<T>(found);
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
