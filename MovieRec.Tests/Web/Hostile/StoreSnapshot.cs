using System.Globalization;
using System.Text;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>
/// What a hostile request must not change: the test user's ratings (timestamps included, so a
/// rewrite of the same value shows), how many ratings and users there are, and every movie's
/// statistics. Held as text so that a failed comparison prints a readable difference.
/// </summary>
public sealed record StoreSnapshot(string VictimRatings, long RatingCount, int UserCount, string MovieStatistics)
{
    public static async Task<StoreSnapshot> TakeAsync(IMovieRecStore store, int victimId)
    {
        var ratings = await store.Ratings.ListByUserAsync(victimId);
        var victim = string.Join(", ", ratings.OrderBy(r => r.MovieId)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.MovieId}={r.Value}@{r.Timestamp}")));

        var statistics = await store.Movies.GetStatisticsManyAsync(TinyMovieLens.Movies.Select(m => m.Id));
        var text = new StringBuilder();
        foreach (var (id, s) in statistics.OrderBy(pair => pair.Key))
            text.Append(CultureInfo.InvariantCulture, $"{id}:{s.RatingCount}/{s.RatingSum} ");

        return new StoreSnapshot(victim, await store.Ratings.CountAsync(), await store.Users.CountAsync(), text.ToString().TrimEnd());
    }
}
