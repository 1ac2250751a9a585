using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Pages.Movies;

/// <summary>
/// The catalogue: search by title (as <see cref="Core.Catalog.SearchText"/> matches it), filter by
/// genre and tag (<c>/Movies?tag=dark%20comedy</c>, the address tag links use), sort, page. A
/// search that finds nothing offers the nearest titles.
/// </summary>
public class IndexModel(IMovieRecStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Genre { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public MovieSort Sort { get; set; } = MovieSort.Popularity;
    // "page" is a route value Razor Pages reserve for the page name, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Genres { get; private set; } = [];
    public MoviePage? Results { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>How many nearest titles an empty search offers.</summary>
    public const int NearTitleCount = 8;

    /// <summary>When the search found nothing: the titles nearest to the text (empty when none is close).</summary>
    public IReadOnlyList<TitleSuggestion> NearestTitles { get; private set; } = [];

    /// <summary>Whether the list is narrowed by a title text or a tag (so an empty list means "nothing found").</summary>
    public bool IsSearch => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Tag);
    /// <summary>The signed-in person's ratings, so that each row shows theirs and marks what they rated.</summary>
    public IReadOnlyDictionary<int, double> YourRatings { get; private set; } = new Dictionary<int, double>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Genres = await store.Movies.ListGenresAsync(cancellationToken);
        if (User.UserId() is { } userId)
            YourRatings = (await store.Ratings.ListByUserAsync(userId, cancellationToken)).ToDictionary(r => r.MovieId, r => (double)r.Value);
        if (!ModelState.IsValid)
        {
            Problem = "Some of the search settings were not understood; showing the first page by popularity.";
            (Sort, PageNumber) = (MovieSort.Popularity, 1);
        }
        if (!string.IsNullOrWhiteSpace(Genre) && !Genres.Contains(Genre))
        {
            Problem = $"There is no genre \"{Genre}\"; showing all genres.";
            Genre = null;
        }
        if (Q is { Length: > MovieQuery.MaxTitleTextLength })
        {
            Problem = $"Search text can have at most {MovieQuery.MaxTitleTextLength} characters.";
            Q = Q[..MovieQuery.MaxTitleTextLength];
        }
        if (Tag is { Length: > MovieQuery.MaxTitleTextLength })
        {
            Problem = $"A tag can have at most {MovieQuery.MaxTitleTextLength} characters.";
            Tag = Tag[..MovieQuery.MaxTitleTextLength];
        }
        if (PageNumber < 1)
        {
            Problem = "Pages count from 1; showing the first page.";
            PageNumber = 1;
        }
        try
        {
            Results = await store.Movies.QueryAsync(
                new MovieQuery { TitleContains = Q, Genre = Genre, Tag = Tag, Sort = Sort, Page = PageNumber, PageSize = MovieQuery.DefaultPageSize }, cancellationToken);
            if (Results.TotalCount == 0 && !string.IsNullOrWhiteSpace(Q))
                NearestTitles = await store.Movies.SuggestAsync(Q, NearTitleCount, cancellationToken);
        }
        catch (StoreValidationException error)
        {
            Problem = error.Message;
        }
    }
}
