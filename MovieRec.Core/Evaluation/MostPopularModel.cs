using MovieRec.Core.Ratings;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// The popularity baseline: every user gets the movies with the most train ratings. It ranks but
/// does not predict ratings, so it carries no RMSE. Immutable after construction, hence thread-safe.
/// </summary>
public sealed class MostPopularModel : IEvaluatedModel
{
    private readonly Dictionary<int, int> _trainCountByMovie;

    public MostPopularModel(IEnumerable<Rating> trainRatings)
    {
        ArgumentNullException.ThrowIfNull(trainRatings);
        _trainCountByMovie = new Dictionary<int, int>();
        foreach (Rating rating in trainRatings)
        {
            _trainCountByMovie.TryGetValue(rating.MovieId, out int count);
            _trainCountByMovie[rating.MovieId] = count + 1;
        }
    }

    public string Name => "most popular";

    public bool PredictsRatings => false;

    /// <summary>The number of train ratings of a movie; 0 for a movie nobody rated in train.</summary>
    public int TrainCount(int movieId) => _trainCountByMovie.GetValueOrDefault(movieId);

    /// <summary>A count of ratings is not a rating: callers must check <see cref="PredictsRatings"/> first.</summary>
    public double PredictRating(int userId, int movieId) =>
        throw new NotSupportedException("the most-popular baseline ranks movies but does not predict ratings");

    public void ScoreCandidates(int userId, ReadOnlySpan<int> movieIds, Span<double> scores)
    {
        if (scores.Length < movieIds.Length)
            throw new ArgumentException("scores is shorter than movieIds", nameof(scores));
        for (int i = 0; i < movieIds.Length; i++)
            scores[i] = TrainCount(movieIds[i]);
    }
}
