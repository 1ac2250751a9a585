using MovieRec.Core.Catalog;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Storage;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models;
using System.Diagnostics;

namespace MovieRec.Web.Recommendations;

/// <summary>A personal pick: the movie, the rating the model predicts for this person, and the movie of theirs it resembles.</summary>
public sealed record Pick(Movie Movie, double PredictedRating, Movie? BecauseYouRated);

/// <summary>
/// Personal picks that follow a person's ratings at once: the profile is always folded in from
/// their current ratings in the store (one small solve), so a rating made a second ago counts and
/// no retrain is needed. Rated movies are never picked.
/// </summary>
public sealed class PersonalPicks(IMovieRecStore store, ModelHolder holder, MovieDetailsCache movieDetails, MovieRecMetrics metrics)
{
    public const int MaxCount = 100;

    /// <summary>The picks, or null when there is no model yet or the person has rated nothing (the cold-start view applies).</summary>
    public async Task<IReadOnlyList<Pick>?> ForUserAsync(int userId, int n, CancellationToken cancellationToken = default)
    {
        var active = holder.Current;
        if (active is null) return null;
        long started = Stopwatch.GetTimestamp();
        var ratings = await store.Ratings.ListByUserAsync(userId, cancellationToken);
        if (ratings.Count == 0) return null;

        long foldInStarted = Stopwatch.GetTimestamp();
        var profile = FoldIn.Compute(active.Snapshot, ratings.Select(r => (r.MovieId, (double)r.Value)));
        metrics.FoldIn(Stopwatch.GetElapsedTime(foldInStarted));
        var rated = ratings.Select(r => r.MovieId).ToHashSet();
        var scored = active.Recommender.Recommend(profile, n, rated);
        var reasons = PickReasons.Explain(active.Recommender, ratings, scored.Select(s => s.MovieId));
        var movies = await movieDetails.GetManyAsync(scored.Select(s => s.MovieId).Concat(reasons.Values), cancellationToken);

        // A movie the model knows but the store lost (a hand edit) is skipped rather than shown blank.
        var picks = scored
            .Where(s => movies.ContainsKey(s.MovieId))
            .Select(s => new Pick(
                movies[s.MovieId],
                Math.Round(s.PredictedRating ?? active.Recommender.PredictRating(profile, s.MovieId), 2),
                reasons.TryGetValue(s.MovieId, out int because) ? movies.GetValueOrDefault(because) : null))
            .ToList();
        metrics.Picks(Stopwatch.GetElapsedTime(started));
        return picks;
    }
}
