using System.Diagnostics;
using MovieRec.Core.Catalog;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models;
using MovieRec.Web.Models.Experiments;

namespace MovieRec.Web.Recommendations;

/// <summary>A personal pick: the movie, the rating the model predicts for this person, and the movie of theirs it resembles.</summary>
public sealed record Pick(Movie Movie, double PredictedRating, Movie? BecauseYouRated);

/// <summary>
/// Personal picks that follow a person's ratings at once: their current ratings are read from the
/// store and handed to the served recommender (Core/Recommending), which folds them in, excludes
/// what they rated or hid and ranks; this class only fetches the movie records for the page.
/// While an A/B experiment runs, the person's arm's model serves them and the picks shown are recorded.
/// </summary>
public sealed class PersonalPicks(IMovieRecStore store, ModelHolder holder, MovieDetailsCache movieDetails, MovieRecMetrics metrics, ExperimentRecorder experiment)
{
    public const int MaxCount = 100;

    /// <summary>
    /// How many of the best-ranked movies a filtered list is chosen from: a filter keeps only some
    /// of them, and ranking a few hundred more costs microseconds. A genre or decade with fewer
    /// matches among them shows fewer picks.
    /// </summary>
    public const int FilteredCandidates = 1_000;

    /// <summary>The picks, or null when there is no model yet or the person has rated nothing (the popular fallback applies).</summary>
    public Task<IReadOnlyList<Pick>?> ForUserAsync(int userId, int n, CancellationToken cancellationToken = default) =>
        ForUserAsync(userId, n, PickFilter.None, cancellationToken);

    /// <summary>The first <paramref name="n"/> picks that pass <paramref name="filter"/>, in ranking order; null as above.</summary>
    public async Task<IReadOnlyList<Pick>?> ForUserAsync(int userId, int n, PickFilter filter, CancellationToken cancellationToken = default)
    {
        // While an A/B experiment runs, the person's arm decides which model serves them.
        if (holder.ServingFor(userId) is not { } arm) return null;
        var active = arm.Model;
        long started = Stopwatch.GetTimestamp();
        var ratings = await RatingsAsync(userId, cancellationToken);
        if (ratings.Count == 0) return null;

        long foldInStarted = Stopwatch.GetTimestamp();
        var profile = active.Served.Profile(ratings);
        metrics.FoldIn(Stopwatch.GetElapsedTime(foldInStarted));
        int candidates = filter.IsEmpty ? n : Math.Max(n, FilteredCandidates);
        // Explanations cost a similarity per liked movie and pick: only for the ones shown.
        var ranked = active.Served.Picks(profile, ratings, await HiddenAsync(userId, cancellationToken), candidates, explain: false);
        var rankedMovies = await movieDetails.GetManyAsync(ranked.Select(p => p.MovieId), cancellationToken);
        var chosen = ranked.Where(p => rankedMovies.TryGetValue(p.MovieId, out var movie) && filter.Matches(movie)).Take(n).ToList();
        var picks = active.Served.Explain(ratings, chosen);
        var movies = await movieDetails.GetManyAsync(
            picks.Select(p => p.MovieId).Concat(picks.Where(p => p.BecauseYouRated is not null).Select(p => p.BecauseYouRated!.Value)),
            cancellationToken);

        // A movie the model knows but the store lost (a hand edit) is skipped rather than shown blank.
        var shown = picks
            .Where(p => movies.ContainsKey(p.MovieId))
            .Select(p => new Pick(
                movies[p.MovieId],
                Math.Round(p.PredictedRating, 2),
                p.BecauseYouRated is { } because ? movies.GetValueOrDefault(because) : null))
            .ToList();
        metrics.Picks(Stopwatch.GetElapsedTime(started));
        await experiment.ShownAsync(arm, userId, shown.Select(p => p.Movie.MovieId).ToList(), cancellationToken);
        return shown;
    }

    /// <summary>The movies the person hid ("not interested"): never offered to them.</summary>
    public async Task<Exclusions> HiddenAsync(int userId, CancellationToken cancellationToken = default) =>
        Exclusions.None.With(await store.PersonLists.ListAsync(userId, PersonList.Hidden, cancellationToken));

    /// <summary>What the popular fallback must not offer the person: what they rated and what they hid.</summary>
    public async Task<Exclusions> RatedOrHiddenAsync(int userId, CancellationToken cancellationToken = default) =>
        Exclusions.Rated(await RatingsAsync(userId, cancellationToken)).With((await HiddenAsync(userId, cancellationToken)).MovieIds);

    /// <summary>The person's current ratings as the served recommender takes them.</summary>
    public async Task<IReadOnlyList<PersonRating>> RatingsAsync(int userId, CancellationToken cancellationToken = default) =>
        (await store.Ratings.ListByUserAsync(userId, cancellationToken)).Select(r => new PersonRating(r.MovieId, r.Value)).ToList();
}
