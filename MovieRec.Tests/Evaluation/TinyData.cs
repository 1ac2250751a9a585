using MovieRec.Core.Catalog;
using MovieRec.Core.Evaluation;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Evaluation;

/// <summary>Short constructors for the hand-built cases of the evaluation tests.</summary>
internal static class TinyData
{
    public static Rating R(int userId, int movieId, double value) => new(userId, movieId, (float)value, 0);

    public static Movie M(int movieId, params string[] genres) => new(movieId, $"Movie {movieId}", null, genres);

    public static IReadOnlySet<int> Set(params int[] ids) => new HashSet<int>(ids);

    public static IReadOnlySet<string> Genres(params string[] genres) => new HashSet<string>(genres);

    public static double Value(double? figure)
    {
        Assert.True(figure.HasValue, "expected a figure, got null");
        return figure.Value;
    }
}

/// <summary>
/// A model whose predictions and scores the test spells out, and which records what it was asked,
/// so tests can check what the evaluator asked for (every test row, only unrated candidates).
/// </summary>
internal sealed class ScriptedModel(Func<int, int, double> score, Func<int, int, double>? predict = null) : IEvaluatedModel
{
    private readonly object _gate = new();
    private readonly List<(int UserId, int MovieId)> _predictions = [];
    private readonly Dictionary<int, int[]> _candidatesByUser = [];

    public string Name => "scripted";

    public bool PredictsRatings => predict is not null;

    public IReadOnlyList<(int UserId, int MovieId)> PredictionRequests => _predictions;

    public IReadOnlyDictionary<int, int[]> CandidatesByUser => _candidatesByUser;

    public double PredictRating(int userId, int movieId)
    {
        lock (_gate)
            _predictions.Add((userId, movieId));
        return predict!(userId, movieId);
    }

    public void ScoreCandidates(int userId, ReadOnlySpan<int> movieIds, Span<double> scores)
    {
        lock (_gate)
            _candidatesByUser[userId] = movieIds.ToArray();
        for (int i = 0; i < movieIds.Length; i++)
            scores[i] = score(userId, movieIds[i]);
    }
}
