using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Catalog;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Pages.WatchList;

/// <summary>
/// The person's watch-list, newest first, each with the star widget and a remove button; and the
/// form posts behind the watch-list and "not interested" buttons when JavaScript is off.
/// </summary>
[Authorize]
public class IndexModel(IMovieRecStore store) : PageModel
{
    public IReadOnlyList<Movie> Movies { get; private set; } = [];
    public IReadOnlyDictionary<int, double> YourRatings { get; private set; } = new Dictionary<int, double>();

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        int userId = User.UserId()!.Value;
        var movieIds = await store.PersonLists.ListAsync(userId, PersonList.WatchList, cancellationToken);
        var movies = await store.Movies.GetManyAsync(movieIds, cancellationToken);
        Movies = movieIds.Where(movies.ContainsKey).Select(id => movies[id]).ToList();
        YourRatings = (await store.Ratings.ListByUserAsync(userId, cancellationToken))
            .Where(r => movies.ContainsKey(r.MovieId))
            .ToDictionary(r => r.MovieId, r => (double)r.Value);
    }

    public Task<IActionResult> OnPostAddAsync(int movieId, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(movieId, returnUrl, PersonList.WatchList, add: true, "added to your watch-list", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int movieId, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(movieId, returnUrl, PersonList.WatchList, add: false, "removed from your watch-list", cancellationToken);

    public Task<IActionResult> OnPostHideAsync(int movieId, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(movieId, returnUrl, PersonList.Hidden, add: true, "hidden: it will not be offered to you again", cancellationToken);

    private async Task<IActionResult> ChangeAsync(int movieId, string? returnUrl, PersonList list, bool add, string done, CancellationToken cancellationToken)
    {
        var movie = await store.Movies.GetAsync(movieId, cancellationToken);
        if (movie is null) return NotFound($"There is no movie with id {movieId}.");
        int userId = User.UserId()!.Value;
        if (add) await store.PersonLists.AddAsync(userId, list, movieId, cancellationToken);
        else await store.PersonLists.RemoveAsync(userId, list, movieId, cancellationToken);
        Message = $"{movie.Title}: {done}.";
        return !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }
}
