using MovieRec.Core.Engine;

namespace MovieRec.Core.Recommending;

/// <summary>
/// Re-ranks a person's best-scored movies by their <see cref="FamiliarNew"/> step: a popularity
/// penalty (or bonus, on the familiar side) added to the pick score,
///   adjusted = z(score) - weight(step) * z(log(1 + train ratings)),
/// where z(score) is standardised over the top <see cref="PoolSize"/> scores of this person (so a
/// weight means the same for every person and model) and z(log popularity) over the catalogue.
/// A separate small step after ranking: the models and their scores stay as they are.
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
    private readonly double _meanLogPopularity;
    private readonly double _spreadLogPopularity;

    public FamiliarNewReranker(ModelSnapshot model)
    {
        _model = model;
        var logs = model.ItemRatingCounts.Select(LogPopularity).ToArray();
        _meanLogPopularity = logs.Length > 0 ? logs.Average() : 0;
        double variance = logs.Length > 0 ? logs.Average(v => (v - _meanLogPopularity) * (v - _meanLogPopularity)) : 0;
        _spreadLogPopularity = variance > 0 ? Math.Sqrt(variance) : 1;
    }

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

        var reference = ranked.Take(PoolSize).Select(p => p.Score).ToArray();
        double mean = reference.Average();
        double variance = reference.Average(s => (s - mean) * (s - mean));
        double spread = variance > 0 ? Math.Sqrt(variance) : 1;

        // OrderBy is stable: equal adjusted scores keep the ranking order.
        return ranked
            .Select(pick => (Pick: pick, Adjusted: (pick.Score - mean) / spread - weight * PopularityZ(pick.MovieId)))
            .OrderByDescending(p => p.Adjusted)
            .Take(n)
            .Select(p => p.Pick)
            .ToList();
    }

    /// <summary>How popular a movie is against the catalogue, in standard deviations of log(1 + train ratings).</summary>
    public double PopularityZ(int movieId)
    {
        int item = _model.Items.IndexOf(movieId);
        int count = item >= 0 ? _model.ItemRatingCounts[item] : 0;
        return (LogPopularity(count) - _meanLogPopularity) / _spreadLogPopularity;
    }

    private static double LogPopularity(int count) => Math.Log(1 + count);
}
