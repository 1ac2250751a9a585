using MovieRec.Core.Catalog;
using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Recommending;

/// <summary>
/// The recommender as people are served by it, for one active model: a person's picks from their
/// current ratings and exclusions, similar movies, and the predicted rating. The web app and
/// `evaluate` both call this, so the published figures measure what people see. Thread-safe.
/// </summary>
public sealed class ServedRecommender
{
    private readonly Lazy<PickReasons> _reasons;
    private readonly Lazy<FamiliarNewReranker> _reranker;

    /// <param name="reasonThreshold">The similarity "because you rated" needs; measured on the model when not given (<see cref="PickReasons"/>).</param>
    public ServedRecommender(Recommender recommender, double? reasonThreshold = null)
    {
        Recommender = recommender;
        // Both read the whole catalogue once per model: built on first use, not on every model load.
        _reasons = new Lazy<PickReasons>(() => new PickReasons(recommender, reasonThreshold));
        _reranker = new Lazy<FamiliarNewReranker>(() => new FamiliarNewReranker(recommender.Model));
    }

    public Recommender Recommender { get; }

    /// <summary>The rule and measured threshold of "because you rated X".</summary>
    public PickReasons Reasons => _reasons.Value;

    /// <summary>
    /// The person placed in the model from their ratings (fold-in): what picks and predicted
    /// ratings are computed from. Never throws for any list of ratings (unknown movies, repeats,
    /// values off the scale are dropped or the last one kept; see <see cref="FoldIn"/>).
    /// </summary>
    public UserProfile Profile(IReadOnlyList<PersonRating> ratings) =>
        FoldIn.Compute(Recommender.Model, ratings.Select(r => (r.MovieId, r.Value)));

    /// <summary>
    /// The n best picks for a person with these ratings: never a movie they rated nor one of
    /// <paramref name="exclusions"/>; each with its predicted rating, its ranking score and, when
    /// <paramref name="explain"/>, the liked movie it resembles; ordered by the ranking score re-ranked
    /// for the person's <see cref="FamiliarNew"/> step. Empty when they rated nothing: the
    /// popular fallback (<see cref="PopularFallback"/>) applies then.
    /// </summary>
    public IReadOnlyList<ServedPick> Picks(IReadOnlyList<PersonRating> ratings, Exclusions exclusions, int n, bool explain = true,
        int familiarNewStep = FamiliarNew.DefaultStep) =>
        ratings.Count == 0 || n <= 0 ? [] : Picks(Profile(ratings), ratings, exclusions, n, explain, familiarNewStep);

    /// <summary>The same for a person already folded in from <paramref name="ratings"/> (the web app times the fold-in on its own).</summary>
    public IReadOnlyList<ServedPick> Picks(UserProfile profile, IReadOnlyList<PersonRating> ratings, Exclusions exclusions, int n, bool explain = true,
        int familiarNewStep = FamiliarNew.DefaultStep)
    {
        if (ratings.Count == 0 || n <= 0) return [];
        var excluded = Exclusions.Rated(ratings).With(exclusions.MovieIds);
        var scored = Recommender.Recommend(profile, FamiliarNewReranker.PoolFor(n, familiarNewStep), excluded.MovieIds);
        var ranked = scored
            .Select(s => new ServedPick(s.MovieId, s.PredictedRating ?? Recommender.PredictRating(profile, s.MovieId), s.Score, null))
            .ToList();
        var picks = _reranker.Value.Rerank(ranked, familiarNewStep, n);
        return explain ? Explain(ratings, picks) : picks;
    }

    /// <summary>
    /// The picks with "because you rated X" filled in (<see cref="PickReasons"/>). Separate so that a
    /// caller who ranks many picks and shows a few (a filtered list) explains only those shown.
    /// </summary>
    public IReadOnlyList<ServedPick> Explain(IReadOnlyList<PersonRating> ratings, IReadOnlyList<ServedPick> picks)
    {
        var reasons = Reasons.Explain(ratings, picks.Select(p => p.MovieId));
        return picks.Select(p => p with { BecauseYouRated = reasons.TryGetValue(p.MovieId, out int because) ? because : null }).ToList();
    }

    /// <summary>The predicted rating of one movie for a folded-in person, on the model's rating scale.</summary>
    public double PredictRating(UserProfile profile, int movieId) => Recommender.PredictRating(profile, movieId);

    /// <summary>Movies like <paramref name="movieId"/> by the model; empty when the model does not know it.</summary>
    public IReadOnlyList<SimilarMovie> Similar(int movieId, int n) =>
        Recommender.Similar(movieId, n).Select(s => new SimilarMovie(s.MovieId, s.Score, SimilarityBasis.Ratings)).ToList();

    /// <summary>
    /// Movies like <paramref name="movie"/> by genres and tags among <paramref name="candidates"/>:
    /// the fallback for a movie the model does not know (or when there is no model).
    /// </summary>
    public static IReadOnlyList<SimilarMovie> SimilarByContent(Movie movie, IEnumerable<Movie> candidates, int n) =>
        ContentSimilarity.MostSimilar(movie, candidates, n)
            .Select(pair => new SimilarMovie(pair.Movie.MovieId, pair.Score, SimilarityBasis.Content))
            .ToList();
}
