using MovieRec.Core.Engine;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// The bias baseline: mu + b_u + b_i, both for predicting and for ranking. Built from the same
/// <see cref="Biases"/> the model uses, so it measures what the factors add on top of them.
/// Unknown users or movies drop their term (<see cref="Biases.Predict"/>). Read-only, hence thread-safe.
/// </summary>
public sealed class BiasOnlyModel(Biases biases, IdMap users, IdMap items) : IEvaluatedModel
{
    private readonly Biases _biases = biases ?? throw new ArgumentNullException(nameof(biases));
    private readonly IdMap _users = users ?? throw new ArgumentNullException(nameof(users));
    private readonly IdMap _items = items ?? throw new ArgumentNullException(nameof(items));

    public string Name => "bias only";

    public bool PredictsRatings => true;

    public double PredictRating(int userId, int movieId) =>
        _biases.Predict(_users.IndexOf(userId), _items.IndexOf(movieId));

    public void ScoreCandidates(int userId, ReadOnlySpan<int> movieIds, Span<double> scores)
    {
        if (scores.Length < movieIds.Length)
            throw new ArgumentException("scores is shorter than movieIds", nameof(scores));
        // Looked up once: it is the same for every candidate of this user.
        int userIndex = _users.IndexOf(userId);
        for (int i = 0; i < movieIds.Length; i++)
            scores[i] = _biases.Predict(userIndex, _items.IndexOf(movieIds[i]));
    }
}
