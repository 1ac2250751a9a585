using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Hosting;
using MovieRec.Web.Accounts;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Pages.Picks;

/// <summary>
/// All of a person's picks, in ranking order, filtered by genre and decade, <see cref="PageSize"/>
/// more with each "Show more"; each card can be rated, watch-listed or hidden.
/// </summary>
[Authorize]
public class IndexModel(PersonalPicks picks, IMovieRecStore store) : PageModel
{
    public const int PageSize = 20;

    /// <summary>"Show more" stops here: beyond a few hundred, picks are no longer much of a recommendation.</summary>
    public const int MaxShown = 500;

    public const int FirstDecade = 1900;

    [BindProperty(SupportsGet = true)] public string? Genre { get; set; }
    [BindProperty(SupportsGet = true)] public int? Decade { get; set; }
    // "page" is a route value Razor Pages reserve for the page name, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Genres { get; private set; } = [];
    public IReadOnlyList<int> Decades { get; } =
        Enumerable.Range(0, (DateTime.UtcNow.Year - FirstDecade) / 10 + 1).Select(i => FirstDecade + 10 * i).Reverse().ToList();
    public IReadOnlyList<Pick>? Picks { get; private set; }
    public IReadOnlySet<int> WatchList { get; private set; } = new HashSet<int>();
    public bool HasMore { get; private set; }

    /// <summary>The person's familiar/new step, which orders the list (<see cref="FamiliarNew"/>).</summary>
    public int FamiliarNewStep { get; private set; } = FamiliarNew.DefaultStep;
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Genres = await store.Movies.ListGenresAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Problem = "Some of the filter settings were not understood; showing all your picks.";
            (Genre, Decade, PageNumber) = (null, null, 1);
        }
        if (!string.IsNullOrWhiteSpace(Genre) && !Genres.Contains(Genre))
        {
            Problem = $"There is no genre \"{Genre}\"; showing all genres.";
            Genre = null;
        }
        if (string.IsNullOrWhiteSpace(Genre)) Genre = null;
        if (Decade is { } decade && !Decades.Contains(decade))
        {
            Problem = $"Choose a decade from the list (like 1990); showing every year.";
            Decade = null;
        }
        PageNumber = Math.Clamp(PageNumber, 1, MaxShown / PageSize);

        int userId = User.UserId()!.Value;
        FamiliarNewStep = (await store.PersonSettings.GetAsync(userId, cancellationToken)).FamiliarNewStep;
        int wanted = PageNumber * PageSize;
        // One more than shown tells whether "Show more" has anything to show.
        var found = await picks.ForUserAsync(userId, wanted + 1, new PickFilter(Genre, Decade), cancellationToken, FamiliarNewStep);
        if (found is null) return;
        HasMore = found.Count > wanted && wanted < MaxShown;
        Picks = found.Take(wanted).ToList();
        WatchList = (await store.PersonLists.ListAsync(userId, PersonList.WatchList, cancellationToken)).ToHashSet();
    }

    /// <summary>The familiar/new control: saves the step for the person and shows the list again with the same filters.</summary>
    public async Task<IActionResult> OnPostFamiliarNewAsync(int step, CancellationToken cancellationToken)
    {
        if (FamiliarNew.Problem(step) is { } problem) return this.StatusPage(StatusCodes.Status400BadRequest, problem);
        int userId = User.UserId()!.Value;
        var settings = await store.PersonSettings.GetAsync(userId, cancellationToken);
        await store.PersonSettings.SaveAsync(userId, settings with { FamiliarNewStep = step }, cancellationToken);
        return RedirectToPage(new { genre = Genre, decade = Decade });
    }
}
