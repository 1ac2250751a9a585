using MovieRec.Core.Ratings;

namespace MovieRec.Core.Retraining;

/// <summary>
/// Merges the MovieLens CSV ratings with the ratings people made in the app. For the same user
/// and movie the store wins: it holds the newer rating (a dataset user who re-rated a movie in
/// the app, or an app user whose id a dataset also uses).
/// </summary>
public static class RatingMerger
{
    public static Rating[] Merge(IEnumerable<Rating> dataset, IEnumerable<Rating> store)
    {
        var merged = new Dictionary<(int UserId, int MovieId), Rating>();
        foreach (var rating in dataset) merged[(rating.UserId, rating.MovieId)] = rating;
        foreach (var rating in store) merged[(rating.UserId, rating.MovieId)] = rating;
        return merged.Values.ToArray();
    }
}
