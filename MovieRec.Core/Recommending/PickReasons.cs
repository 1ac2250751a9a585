using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Recommending;

/// <summary>
/// "Because you rated X": for a pick, the movie the person liked that is most similar to it, by the
/// model's similar-movies measure (<see cref="Recommender.MostSimilarAmong"/>). Liked means rated at
/// or above their own mean, so a pick is never explained by a movie they disliked.
/// </summary>
public static class PickReasons
{
    /// <summary>Pick movie id -> the liked movie id that explains it (absent when the model knows none of their liked movies).</summary>
    public static IReadOnlyDictionary<int, int> Explain(Recommender recommender, IReadOnlyList<PersonRating> ratings, IEnumerable<int> picks)
    {
        if (ratings.Count == 0) return new Dictionary<int, int>();
        double mean = ratings.Average(r => r.Value);
        var liked = ratings.Where(r => r.Value >= mean).Select(r => r.MovieId).Distinct().ToList();
        return recommender.MostSimilarAmong(picks, liked);
    }
}
