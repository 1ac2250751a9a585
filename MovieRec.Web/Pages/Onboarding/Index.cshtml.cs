using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Models;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Pages.Onboarding;

/// <summary>
/// First steps for a signed-in person with few ratings: an optional favourite-genres step, then
/// pages of well-known movies of those genres to rate in place ("show me others" for the next
/// page), a progress count toward <see cref="Target"/> ratings, and their picks beside them, which
/// onboarding.js refreshes after each rating without a reload. Skipping is possible at every step.
/// </summary>
[Authorize]
public class IndexModel(IMovieRecStore store, PopularMovies popular, PersonalPicks picks, ModelHolder holder) : PageModel
{
    /// <summary>The ratings the progress count goes toward: by then picks have settled into a taste.</summary>
    public const int Target = 10;

    public const int MoviesPerPage = 8;
    public const int PickCount = 6;

    [BindProperty(SupportsGet = true)] public string? Step { get; set; }
    // "page" is a route value Razor Pages reserve for the page name, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool ChoosingGenres { get; private set; }
    public IReadOnlyList<string> Genres { get; private set; } = [];
    public IReadOnlyList<string> FavouriteGenres { get; private set; } = [];
    public IReadOnlyList<PopularMovie> ToRate { get; private set; } = [];
    public IReadOnlyList<Pick>? Picks { get; private set; }
    public int Rated { get; private set; }
    public bool ModelLoaded { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        int userId = User.UserId()!.Value;
        var settings = await store.PersonSettings.GetAsync(userId, cancellationToken);
        var ratings = await store.Ratings.ListByUserAsync(userId, cancellationToken);
        Genres = await store.Movies.ListGenresAsync(cancellationToken);
        FavouriteGenres = settings.FavouriteGenres.Where(Genres.Contains).ToList();
        Rated = ratings.Count;
        ModelLoaded = holder.Current is not null;
        // The genre step comes first for someone who has neither chosen genres nor rated yet, and on request.
        ChoosingGenres = Step == "genres" || (Step != "rate" && FavouriteGenres.Count == 0 && Rated == 0 && !settings.OnboardingDone);
        if (ChoosingGenres) return;

        var exclude = ratings.Select(r => r.MovieId)
            .Concat(await store.PersonLists.ListAsync(userId, PersonList.Hidden, cancellationToken))
            .ToHashSet();
        (ToRate, PageNumber) = await popular.OfGenresAsync(FavouriteGenres, exclude, PageNumber, MoviesPerPage, cancellationToken);
        Picks = await picks.ForUserAsync(userId, PickCount, cancellationToken);
    }

    /// <summary>The genre step's form: saves the chosen genres (none is fine) and goes on to rating.</summary>
    public async Task<IActionResult> OnPostGenresAsync(string[]? genres, CancellationToken cancellationToken)
    {
        int userId = User.UserId()!.Value;
        var known = await store.Movies.ListGenresAsync(cancellationToken);
        var chosen = (genres ?? []).Where(known.Contains).Distinct().Take(PersonSettings.MaxFavouriteGenres).ToList();
        var settings = await store.PersonSettings.GetAsync(userId, cancellationToken);
        await store.PersonSettings.SaveAsync(userId, settings with { FavouriteGenres = chosen }, cancellationToken);
        return RedirectToPage(new { step = "rate" });
    }

    /// <summary>"Skip" and "Done": the flow is over, the home page no longer invites to it.</summary>
    public async Task<IActionResult> OnPostFinishAsync(CancellationToken cancellationToken)
    {
        int userId = User.UserId()!.Value;
        var settings = await store.PersonSettings.GetAsync(userId, cancellationToken);
        await store.PersonSettings.SaveAsync(userId, settings with { OnboardingDone = true }, cancellationToken);
        return RedirectToPage("/Index");
    }
}
