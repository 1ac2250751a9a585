using MovieRec.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Catalog;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Pages.Shared;
using MovieRec.Web.Ratings;

namespace MovieRec.Web.Pages.Ratings;

/// <summary>My ratings: the list, and the plain form posts of the star widget (rate, change, delete).</summary>
[Authorize]
public class IndexModel(IMovieRecStore store, RatingWriter writer) : PageModel
{
    public sealed record RatedMovie(Movie Movie, double Rating, DateTimeOffset RatedAt);

    public IReadOnlyList<RatedMovie> Ratings { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    /// <summary>Why a rating post was refused, shown on this page as it answers the post with 400.</summary>
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var ratings = await store.Ratings.ListByUserAsync(User.UserId()!.Value, cancellationToken);
        var movies = await store.Movies.GetManyAsync(ratings.Select(r => r.MovieId), cancellationToken);
        Ratings = ratings
            .Where(r => movies.ContainsKey(r.MovieId))
            .Select(r => new RatedMovie(movies[r.MovieId], r.Value, DateTimeOffset.FromUnixTimeSeconds(r.Timestamp)))
            .ToList();
    }

    public async Task<IActionResult> OnPostRateAsync(int movieId, string? rating, string? returnUrl, CancellationToken cancellationToken)
    {
        // A value that is not a number is refused like an out-of-range one.
        double value = double.TryParse(rating, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed)
            ? parsed : double.NaN;
        var write = await writer.RateAsync(User.UserId()!.Value, movieId, value, "page", cancellationToken);
        switch (write.Status)
        {
            case RatingWriteStatus.NoSuchMovie:
                return this.StatusPage(StatusCodes.Status404NotFound, $"There is no movie with id {movieId}.");
            case RatingWriteStatus.InvalidValue:
                // Answered here with 400 rather than redirected with a note: the post was not done,
                // and the status says so to scripts and tests as well as to the person.
                Error = "Choose a rating from 0.5 to 5 stars.";
                await OnGetAsync(cancellationToken);
                var page = Page();
                page.StatusCode = StatusCodes.Status400BadRequest;
                return page;
        }
        Message = $"You rated {write.Movie!.Title} {value:0.0}.";
        if ((await store.PersonLists.ListAsync(User.UserId()!.Value, PersonList.WatchList, cancellationToken)).Contains(movieId))
            TempData[WatchListOffer.Key] = WatchListOffer.Write(movieId, write.Movie.Title);
        return BackTo(returnUrl);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int movieId, CancellationToken cancellationToken)
    {
        var removed = await writer.RemoveAsync(User.UserId()!.Value, movieId, "page", cancellationToken);
        Message = removed is null ? "That rating was already gone." : "Rating removed.";
        return RedirectToPage();
    }

    /// <summary>Back to the page the widget was on, but only within this site.</summary>
    private IActionResult BackTo(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
}
