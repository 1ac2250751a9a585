using MovieRec.Core.Engine;

namespace MovieRec.Core.Recommending;

/// <summary>
/// Re-ranks a person's best-scored movies by their <see cref="FamiliarNew"/> step: a popularity
/// penalty (or bonus, on the familiar side) added to the pick score,
///   adjusted = z(score) - weight(step) * z(log(1 + train ratings)),
/// both standardised over this person's top <see cref="PoolSize"/> movies, so that a weight means
/// the same for every person and model: how many spreads of their own scores one spread of the
/// candidates' popularity is worth. (Standardising popularity over the whole catalogue, mostly
/// movies nobody rated, made the spread among real candidates look small, and a new person's
/// "most new" list still opened with the best-known films.) A separate small step after ranking:
/// the models and their scores stay as they are.
/// </summary>
public sealed class FamiliarNewReranker
{
    /// <summary>
    /// How many of the best-scored movies a step other than the middle one chooses from: enough for
    /// a little-known movie that the model ranks a few hundred places down to come up, few enough
    /// that the predicted ratings of the pool cost well under a millisecond.
    /// </summary>
    public const int PoolSize = 300;

    private readonly ModelSnapshot _model;

    public FamiliarNewReranker(ModelSnapshot model) => _model = model;

    /// <summary>How many ranked movies to ask for so that <paramref name="n"/> can be chosen at this step.</summary>
    public static int PoolFor(int n, int step) => FamiliarNew.PopularityWeight(step) == 0 ? n : Math.Max(n, PoolSize);

    /// <summary>
    /// The first <paramref name="n"/> of <paramref name="ranked"/> (best score first) in the order of
    /// the step; the middle step keeps the order as it is.
    /// </summary>
    public IReadOnlyList<ServedPick> Rerank(IReadOnlyList<ServedPick> ranked, int step, int n)
    {
        double weight = FamiliarNew.PopularityWeight(step);
        if (weight == 0 || ranked.Count < 2) return ranked.Take(n).ToList();

        var reference = ranked.Take(PoolSize).ToArray();
        var score = Standardizer.Of(reference.Select(p => p.Score));
        var popularity = Standardizer.Of(reference.Select(p => LogPopularity(p.MovieId)));

        // OrderBy is stable: equal adjusted scores keep the ranking order.
        return ranked
            .Select(pick => (Pick: pick, Adjusted: score.Z(pick.Score) - weight * popularity.Z(LogPopularity(pick.MovieId))))
            .OrderByDescending(p => p.Adjusted)
            .Take(n)
            .Select(p => p.Pick)
            .ToList();
    }

    /// <summary>log(1 + the movie's train ratings): popularity on the scale people perceive it (a hundred ratings against ten is like ten against one).</summary>
    private double LogPopularity(int movieId)
    {
        int item = _model.Items.IndexOf(movieId);
        return Math.Log(1 + (item >= 0 ? _model.ItemRatingCounts[item] : 0));
    }

    /// <summary>Mean and spread of a sample: z(x) = (x - mean) / spread, with a spread of 1 when all are equal.</summary>
    private readonly record struct Standardizer(double Mean, double Spread)
    {
        public static Standardizer Of(IEnumerable<double> values)
        {
            var all = values.ToArray();
            double mean = all.Average();
            double variance = all.Average(v => (v - mean) * (v - mean));
            return new Standardizer(mean, variance > 0 ? Math.Sqrt(variance) : 1);
        }

        public double Z(double value) => (value - Mean) / Spread;
    }
}
