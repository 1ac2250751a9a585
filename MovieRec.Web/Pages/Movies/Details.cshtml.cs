using MovieRec.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Catalog;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Api;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Pages.Movies;

/// <summary>One movie: facts, links, the person's rating and similar movies.</summary>
public class DetailsModel(IMovieRecStore store, SimilarMovies similar) : PageModel
{
    public const int SimilarCount = 10;

    public Movie Movie { get; private set; } = null!;
    public MovieStatistics? Statistics { get; private set; }
    public double? YourRating { get; private set; }
    public SimilarMovieList Similar { get; private set; } = new(SimilarityBasis.Content, []);
    public string? ImdbUrl => MovieLinks.Imdb(Movie);
    public string? TmdbUrl => MovieLinks.Tmdb(Movie);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var movie = await store.Movies.GetAsync(id, cancellationToken);
        if (movie is null) return this.StatusPage(StatusCodes.Status404NotFound, $"There is no movie with id {id}.");
        Movie = movie;
        Statistics = await store.Movies.GetStatisticsAsync(id, cancellationToken);
        if (User.UserId() is { } userId)
            YourRating = (await store.Ratings.GetAsync(userId, id, cancellationToken))?.Value;
        Similar = await similar.ForMovieAsync(movie, SimilarCount, cancellationToken);
        return Page();
    }
}
