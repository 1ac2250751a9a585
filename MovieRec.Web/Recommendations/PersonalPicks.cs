using System.Diagnostics;
using MovieRec.Core.Catalog;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models;
using MovieRec.Web.Models.Experiments;
using MovieRec.Web.People;

namespace MovieRec.Web.Recommendations;

/// <summary>
/// A personal pick: the movie, the rating the model predicts for this person, and the true reason
/// shown with it (<see cref="PickReason"/>; null when none holds), with the movie of theirs it
/// resembles when the reason is "because you rated".
/// </summary>
public sealed record Pick(Movie Movie, double PredictedRating, PickReason? Reason, Movie? BecauseYouRated);

/// <summary>
/// Personal picks that follow a person's ratings at once: their current ratings, hidden movies and
/// settings come from <see cref="PersonStates"/> (checked against the store's version of the person on
/// every call) and are handed to the served recommender (Core/Recommending), which folds them in,
/// excludes what they rated or hid and ranks; this class fetches the movie records for the page.
/// The finished list is kept in the person's state for its model and request, so a repeated request
/// with nothing written in between does no scoring. While an A/B experiment runs, the person's arm's
/// model serves them and the picks shown are recorded.
/// </summary>
public sealed class PersonalPicks(PersonStates people, ModelHolder holder, MovieDetailsCache movieDetails, MovieRecMetrics metrics, ExperimentRecorder experiment)
{
    public const int MaxCount = 100;

    /// <summary>
    /// How many of the best-ranked movies a filtered list is chosen from: a filter keeps only some
    /// of them, and ranking a few hundred more costs microseconds. A genre or decade with fewer
    /// matches among them shows fewer picks.
    /// </summary>
    public const int FilteredCandidates = 1_000;

    /// <summary>What a finished list depends on besides the person's state and the model.</summary>
    private sealed record ListKey(int N, PickFilter Filter, int FamiliarNewStep);

    /// <summary>The picks, or null when there is no model yet or the person has rated nothing (the popular fallback applies).</summary>
    public Task<IReadOnlyList<Pick>?> ForUserAsync(int userId, int n, CancellationToken cancellationToken = default) =>
        ForUserAsync(userId, n, PickFilter.None, cancellationToken);

    /// <summary>
    /// The first <paramref name="n"/> picks that pass <paramref name="filter"/>, in ranking order at the
    /// person's saved familiar/new step (or <paramref name="familiarNewStep"/> when given); null as above.
    /// </summary>
    public async Task<IReadOnlyList<Pick>?> ForUserAsync(int userId, int n, PickFilter filter, CancellationToken cancellationToken = default,
        int? familiarNewStep = null)
    {
        // While an A/B experiment runs, the person's arm decides which model serves them.
        if (holder.ServingFor(userId) is not { } arm) return null;
        var active = arm.Model;
        long started = Stopwatch.GetTimestamp();
        var state = await people.OfAsync(userId, cancellationToken);
        if (state.Ratings.Count == 0) return null;
        var key = new ListKey(n, filter, familiarNewStep ?? state.Settings.FamiliarNewStep);
        var shown = await state.AnswerAsync(active.Served, key, () => ComputeAsync(active, userId, state, key, cancellationToken));
        metrics.Picks(Stopwatch.GetElapsedTime(started));
        // Outside an experiment nothing is recorded, so the list of ids is not even made.
        if (arm.InExperiment) await experiment.ShownAsync(arm, userId, shown.Select(p => p.Movie.MovieId).ToList(), cancellationToken);
        return shown;
    }

    private async Task<IReadOnlyList<Pick>> ComputeAsync(ActiveModel active, int userId, PersonState state, ListKey key, CancellationToken cancellationToken)
    {
        var ratings = state.Ratings;
        long foldInStarted = Stopwatch.GetTimestamp();
        // Cached while the person's ratings stay as they are: paging through picks folds in once.
        var profile = active.Served.Profile(userId, ratings);
        metrics.FoldIn(Stopwatch.GetElapsedTime(foldInStarted));
        int candidates = key.Filter.IsEmpty ? key.N : Math.Max(key.N, FilteredCandidates);
        // Explanations cost a similarity per liked movie and pick: only for the ones shown.
        var ranked = active.Served.Picks(profile, ratings, state.Hidden, candidates, explain: false, key.FamiliarNewStep);
        var rankedMovies = await movieDetails.GetManyAsync(ranked.Select(p => p.MovieId), cancellationToken);
        var chosen = ranked.Where(p => rankedMovies.TryGetValue(p.MovieId, out var movie) && key.Filter.Matches(movie)).Take(key.N).ToList();
        var picks = active.Served.Explain(ratings, chosen);
        var movies = await movieDetails.GetManyAsync(
            picks.Select(p => p.MovieId).Concat(picks.Where(p => p.BecauseYouRated is not null).Select(p => p.BecauseYouRated!.Value)),
            cancellationToken);

        // A movie the model knows but the store lost (a hand edit) is skipped rather than shown blank.
        return picks
            .Where(p => movies.ContainsKey(p.MovieId))
            .Select(p =>
            {
                var because = p.BecauseYouRated is { } id ? movies.GetValueOrDefault(id) : null;
                // A reason movie the store lost cannot be named: another true reason is looked for instead.
                var reason = PickReason.Choose(because is null ? p with { BecauseYouRated = null } : p, movies[p.MovieId].Genres, state.Settings.FavouriteGenres);
                return new Pick(movies[p.MovieId], Math.Round(p.PredictedRating, 2), reason, because);
            })
            .ToList();
    }

    /// <summary>The rating the served model predicts for one movie from these ratings; null without a model, ratings, or a model that knows the movie.</summary>
    public double? PredictedRating(IReadOnlyList<PersonRating> ratings, int movieId) =>
        holder.Current?.Served.PredictedRating(ratings, movieId);

    /// <summary>The movies the person hid ("not interested"): never offered to them.</summary>
    public async Task<Exclusions> HiddenAsync(int userId, CancellationToken cancellationToken = default) =>
        (await people.OfAsync(userId, cancellationToken)).Hidden;

    /// <summary>What the popular fallback must not offer the person: what they rated and what they hid.</summary>
    public async Task<Exclusions> RatedOrHiddenAsync(int userId, CancellationToken cancellationToken = default)
    {
        var state = await people.OfAsync(userId, cancellationToken);
        return Exclusions.Rated(state.Ratings).With(state.Hidden.MovieIds);
    }

    /// <summary>The person's current ratings as the served recommender takes them, newest first.</summary>
    public async Task<IReadOnlyList<PersonRating>> RatingsAsync(int userId, CancellationToken cancellationToken = default) =>
        (await people.OfAsync(userId, cancellationToken)).Ratings;
}
