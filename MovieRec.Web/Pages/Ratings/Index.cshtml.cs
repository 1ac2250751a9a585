using System.Globalization;
using System.Text;
using MovieRec.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Catalog;
using MovieRec.Core.Import;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Pages.Shared;
using MovieRec.Web.Ratings;

namespace MovieRec.Web.Pages.Ratings;

/// <summary>
/// My ratings: one page of 50 at a time, read from the store in the chosen order and filter (a
/// person with thousands of ratings gets a small page); delete with undo; export and import as
/// MovieLens ratings.csv; and the plain form posts of the star widget (rate, change).
/// </summary>
[Authorize]
// The import form carries a file of up to PersonalRatingsImport.MaxFileBytes; the rest of the form is small.
[RequestSizeLimit(PersonalRatingsImport.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PersonalRatingsImport.MaxFileBytes + 64 * 1024)]
public class IndexModel(IMovieRecStore store, RatingWriter writer, PersonalRatingsImport importer, DeletedRatingToken undo) : PageModel
{
    public sealed record RatedMovie(Movie Movie, double Rating, DateTimeOffset RatedAt);

    /// <summary>The orders offered, by their query-string names, in the order the menu lists them.</summary>
    public static IReadOnlyList<(string Name, RatingOrder Order, string Label)> Orders { get; } =
    [
        ("newest", RatingOrder.Newest, "Newest first"),
        ("oldest", RatingOrder.Oldest, "Oldest first"),
        ("highest", RatingOrder.Highest, "Highest rating"),
        ("lowest", RatingOrder.Lowest, "Lowest rating"),
        ("title", RatingOrder.Title, "Title"),
    ];

    /// <summary>The star values the filter offers: 5 down to 0.5.</summary>
    public static IReadOnlyList<double> StarValues { get; } = Enumerable.Range(1, 10).Select(step => step / 2.0).Reverse().ToList();

    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "genre")] public string? Genre { get; set; }
    [BindProperty(SupportsGet = true, Name = "stars")] public string? Stars { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<RatedMovie> Ratings { get; private set; } = [];
    public RatingPage? Results { get; private set; }
    /// <summary>Every rating of the person, whatever the filter.</summary>
    public long TotalRatings { get; private set; }
    public IReadOnlyList<string> Genres { get; private set; } = [];
    public bool IsFiltered => StoreValidationGenre is not null || StarFilter is not null;

    [TempData] public string? Message { get; set; }
    /// <summary>The sealed rating just deleted, for the Undo button (see <see cref="DeletedRatingToken"/>).</summary>
    [TempData] public string? UndoToken { get; set; }
    [TempData] public string? UndoTitle { get; set; }

    /// <summary>Why a post was refused, shown on this page as it answers the post with 400.</summary>
    public string? Error { get; private set; }
    /// <summary>The line-numbered reasons an import file was refused.</summary>
    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    public RatingOrder Order => Orders.FirstOrDefault(o => o.Name == Sort).Order;
    public string SortName => Orders.Any(o => o.Name == Sort) ? Sort! : "newest";
    private string? StoreValidationGenre => string.IsNullOrWhiteSpace(Genre) ? null : Genre.Trim();
    public double? StarFilter => double.TryParse(Stars, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && StarValues.Contains(v) ? v : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Sort is not null && Orders.All(o => o.Name != Sort))
            return this.StatusPage(StatusCodes.Status400BadRequest, $"Ratings can be sorted by {string.Join(", ", Orders.Select(o => o.Name))}.");
        if (!string.IsNullOrEmpty(Stars) && StarFilter is null)
            return this.StatusPage(StatusCodes.Status400BadRequest, "Filter by a rating from 0.5 to 5 stars.");
        if (PageNumber < 1 || PageNumber > 1_000_000)
            return this.StatusPage(StatusCodes.Status400BadRequest, "Pages count from 1.");
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (StoreValidationException error)
        {
            return this.StatusPage(StatusCodes.Status400BadRequest, error.Message);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        int userId = User.UserId()!.Value;
        var query = new RatingQuery(userId)
        {
            Order = Order,
            Genre = StoreValidationGenre,
            MinValue = (float?)StarFilter,
            MaxValue = (float?)StarFilter,
            Page = PageNumber,
        };
        Results = await store.Ratings.QueryByUserAsync(query, cancellationToken);
        TotalRatings = IsFiltered
            ? (await store.Ratings.QueryByUserAsync(new RatingQuery(userId) { PageSize = 1 }, cancellationToken)).TotalCount
            : Results.TotalCount;
        var movies = await store.Movies.GetManyAsync(Results.Ratings.Select(r => r.MovieId), cancellationToken);
        Ratings = Results.Ratings
            .Where(r => movies.ContainsKey(r.MovieId))
            .Select(r => new RatedMovie(movies[r.MovieId], r.Value, DateTimeOffset.FromUnixTimeSeconds(r.Timestamp)))
            .ToList();
        Genres = await store.Movies.ListGenresAsync(cancellationToken);
    }

    /// <summary>This page's address with one query value changed (the pager's and the filters' links).</summary>
    public string PageUrl(int page) =>
        Url.Page("/Ratings/Index", new { sort = Sort, genre = Genre, stars = Stars, p = page == 1 ? (int?)null : page })!;

    public async Task<IActionResult> OnPostRateAsync(int movieId, string? rating, string? returnUrl, CancellationToken cancellationToken)
    {
        // A value that is not a number is refused like an out-of-range one.
        double value = double.TryParse(rating, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
            ? parsed : double.NaN;
        var write = await writer.RateAsync(User.UserId()!.Value, movieId, value, "page", cancellationToken);
        switch (write.Status)
        {
            case RatingWriteStatus.NoSuchMovie:
                return this.StatusPage(StatusCodes.Status404NotFound, $"There is no movie with id {movieId}.");
            case RatingWriteStatus.InvalidValue:
                // Answered here with 400 rather than redirected with a note: the post was not done,
                // and the status says so to scripts and tests as well as to the person.
                return await RefusedAsync("Choose a rating from 0.5 to 5 stars.", cancellationToken);
        }
        Message = $"You rated {write.Movie!.Title} {value:0.0}.";
        if ((await store.PersonLists.ListAsync(User.UserId()!.Value, PersonList.WatchList, cancellationToken)).Contains(movieId))
            TempData[WatchListOffer.Key] = WatchListOffer.Write(movieId, write.Movie.Title);
        return BackTo(returnUrl);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int movieId, string? returnUrl, CancellationToken cancellationToken)
    {
        int userId = User.UserId()!.Value;
        var rating = await store.Ratings.GetAsync(userId, movieId, cancellationToken);
        var removed = await writer.RemoveAsync(userId, movieId, "page", cancellationToken);
        if (rating is { } deleted && removed is not null)
        {
            var movie = await store.Movies.GetAsync(movieId, cancellationToken);
            Message = $"Your rating of {movie?.Title ?? $"movie {movieId}"} was removed.";
            UndoToken = undo.Seal(deleted with { Value = removed.Value });
            UndoTitle = movie?.Title;
        }
        else
        {
            Message = "That rating was already gone.";
        }
        return BackTo(returnUrl);
    }

    /// <summary>Puts back the rating the Undo button carries, with its value and time.</summary>
    public async Task<IActionResult> OnPostUndoAsync(string? token, string? returnUrl, CancellationToken cancellationToken)
    {
        var deleted = undo.Open(token, User.UserId()!.Value);
        if (deleted is not { } rating)
            return await RefusedAsync("That undo has expired; rate the movie again instead.", cancellationToken);
        Message = await writer.RestoreAsync(rating, "page", cancellationToken)
            ? "Your rating is back."
            : "You have rated that movie again since; your newer rating stays.";
        return BackTo(returnUrl);
    }

    /// <summary>The person's ratings as MovieLens ratings.csv, to take to another installation.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var ratings = await store.Ratings.ListByUserAsync(User.UserId()!.Value, cancellationToken);
        await using var buffer = new MemoryStream();
        await using (var text = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
            await PersonalRatingsCsv.WriteAsync(text, ratings, cancellationToken);
        return File(buffer.ToArray(), "text/csv; charset=utf-8", "ratings.csv");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return await RefusedAsync("Choose a ratings.csv file to import.", cancellationToken);
        if (file.Length > PersonalRatingsImport.MaxFileBytes)
            return await RefusedAsync($"That file is larger than {PersonalRatingsImport.MaxFileBytes / (1024 * 1024)} MB; a ratings export is far smaller.", cancellationToken);

        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(User.UserId()!.Value, stream, file.FileName, cancellationToken);
        if (result.Refused)
        {
            var listed = result.Problems.Take(PersonalRatingsCsv.MaxProblemsListed).Select(p => p.ToString()).ToList();
            if (result.Problems.Count > listed.Count)
                listed.Add($"and {result.Problems.Count - listed.Count} more lines");
            ImportProblems = listed;
            return await RefusedAsync($"Nothing was imported: {Display.Wording.Count(result.Problems.Count, "line", "lines")} of the file could not be read.", cancellationToken);
        }
        var said = new List<string> { $"Imported {Display.Wording.Ratings(result.Added)}" };
        if (result.Kept > 0)
            said.Add($"kept your own rating of {Display.Wording.Movies(result.Kept)} you had already rated");
        if (result.UnknownMovieLines.Count > 0)
            said.Add($"skipped {Display.Wording.Count(result.UnknownMovieLines.Count, "line", "lines")} naming movies this site does not have (line {string.Join(", ", result.UnknownMovieLines.Take(10))}{(result.UnknownMovieLines.Count > 10 ? ", ..." : "")})");
        Message = string.Join("; ", said) + ".";
        return RedirectToPage();
    }

    /// <summary>Answers a refused post with this page and 400, the reason shown at the top.</summary>
    private async Task<IActionResult> RefusedAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        PageNumber = 1;
        await LoadAsync(cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>Back to the page the form was on, but only within this site.</summary>
    private IActionResult BackTo(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
}
