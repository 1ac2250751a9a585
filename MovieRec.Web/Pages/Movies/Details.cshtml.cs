using MovieRec.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Catalog;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Api;
using MovieRec.Web.Models.Experiments;
using MovieRec.Web.People;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Pages.Movies;

/// <summary>One movie: poster, facts, tag links, the person's rating and predicted rating, and similar movies as poster cards.</summary>
public class DetailsModel(IMovieRecStore store, SimilarMovies similar, PersonalPicks picks, PersonStates people, ExperimentRecorder experiment) : PageModel
{
    public const int SimilarCount = 10;

    public Movie Movie { get; private set; } = null!;
    public MovieStatistics? Statistics { get; private set; }
    public double? YourRating { get; private set; }
    /// <summary>What the model predicts the signed-in person would rate this movie (see <see cref="PersonalPicks.PredictedRating"/>).</summary>
    public double? PredictedRating { get; private set; }
    public SimilarMovieList Similar { get; private set; } = new(SimilarityBasis.Content, []);
    /// <summary>The signed-in person's ratings and watch-list, for the similar-movie cards.</summary>
    public IReadOnlyDictionary<int, double> YourRatings { get; private set; } = new Dictionary<int, double>();
    public IReadOnlySet<int> WatchList { get; private set; } = new HashSet<int>();
    public string? ImdbUrl => MovieLinks.Imdb(Movie);
    public string? TmdbUrl => MovieLinks.Tmdb(Movie);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var movie = await store.Movies.GetAsync(id, cancellationToken);
        if (movie is null) return this.StatusPage(StatusCodes.Status404NotFound, $"There is no movie with id {id}.");
        Movie = movie;
        Statistics = await store.Movies.GetStatisticsAsync(id, cancellationToken);
        var hidden = Exclusions.None;
        if (User.UserId() is { } userId)
        {
            // One version read, and no other store read while nothing of theirs changed.
            var person = await people.OfAsync(userId, cancellationToken);
            YourRatings = person.Ratings.ToDictionary(r => r.MovieId, r => r.Value);
            YourRating = YourRatings.TryGetValue(id, out var yours) ? yours : null;
            PredictedRating = picks.PredictedRating(person.Ratings, id);
            WatchList = person.WatchList;
            hidden = person.Hidden;
            await experiment.OpenedAsync(userId, id, cancellationToken);
        }
        Similar = await similar.ForPersonAsync(movie, SimilarCount, hidden, cancellationToken);
        return Page();
    }
}
