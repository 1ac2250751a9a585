using MovieRec.Web.Display;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Api;

/// <summary>/api/movies: search, one movie, similar movies; and /api/popular.</summary>
public static class MovieEndpoints
{
    public static RouteGroupBuilder MapMovieEndpoints(this RouteGroupBuilder api)
    {
        var movies = api.MapGroup("/movies").WithTags("Movies");
        movies.MapGet("/", SearchAsync).WithSummary("Search by title, filter by genre and tag, sort and page")
            .WithDescription("q is matched ignoring case, accents, punctuation and where a leading article stands (\"the matrix\" finds \"Matrix, The (1999)\"); tag matches a whole tag the same way.");
        movies.MapGet("/suggest", SuggestAsync).WithSummary("Titles for a search box while typing")
            .WithDescription($"Titles containing q (as the search matches it), most rated first, then near titles for typing mistakes (match = \"near\"). q: 1 to {SuggestTextMaxLength} characters; n: 1 to {SuggestMaxCount}, default {SuggestDefaultCount}.");
        movies.MapGet("/{id:int}", GetAsync).WithSummary("One movie, with links and your rating");
        movies.MapGet("/{id:int}/similar", SimilarAsync).WithSummary("Movies like this one");
        api.MapGet("/popular", PopularAsync).WithTags("Movies").WithSummary("The most rated movies with their damped mean rating");
        return api;
    }

    /// <summary>Suggestions are asked for on every key press: the text is bounded tighter than a search.</summary>
    public const int SuggestTextMaxLength = 100;
    public const int SuggestDefaultCount = 8;
    public const int SuggestMaxCount = 20;

    private static async Task<Results<Ok<SuggestionsDto>, BadRequestProblem>> SuggestAsync(
        IMovieRecStore store, string? q, string? n, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
            return ApiProblems.BadRequest("q is required: the text typed so far.");
        if (q.Length > SuggestTextMaxLength)
            return ApiProblems.BadRequest($"q can have at most {SuggestTextMaxLength} characters; it had {q.Length}.");
        var (count, problem) = ApiArguments.Count(n, SuggestDefaultCount, SuggestMaxCount);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        // The store refuses control characters with a message (a 400 problem through ApiExceptionHandler).
        var suggestions = await store.Movies.SuggestAsync(q, count, cancellationToken);
        return TypedResults.Ok(new SuggestionsDto(q, suggestions.Select(SuggestionDto.From).ToList()));
    }

    private static async Task<Results<Ok<MoviePageDto>, BadRequestProblem>> SearchAsync(
        IMovieRecStore store, string? q, string? genre, string? tag, string? sort, string? page, CancellationToken cancellationToken)
    {
        var (order, sortProblem) = ApiArguments.Sort(sort);
        if (sortProblem is not null) return ApiProblems.BadRequest(sortProblem);
        var (pageNumber, pageProblem) = ApiArguments.Page(page);
        if (pageProblem is not null) return ApiProblems.BadRequest(pageProblem);
        if (!string.IsNullOrWhiteSpace(genre) && !(await store.Movies.ListGenresAsync(cancellationToken)).Contains(genre.Trim()))
            return ApiProblems.BadRequest($"There is no genre '{genre}'.");

        // The store validates the title text (length, control characters) and says what is wrong.
        var result = await store.Movies.QueryAsync(
            new MovieQuery { TitleContains = q, Genre = genre, Tag = tag, Sort = order, Page = pageNumber, PageSize = MovieQuery.DefaultPageSize }, cancellationToken);
        var items = result.Items.Select(item => MovieSummaryDto.From(item.Movie, item.Statistics)).ToList();
        return TypedResults.Ok(new MoviePageDto(items, result.TotalCount, result.Page, result.PageSize, result.PageCount));
    }

    private static async Task<Results<Ok<MovieDetailDto>, NotFoundProblem>> GetAsync(
        int id, IMovieRecStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var movie = await store.Movies.GetAsync(id, cancellationToken);
        if (movie is null) return ApiProblems.NotFound($"There is no movie with id {id}.");
        var statistics = await store.Movies.GetStatisticsAsync(id, cancellationToken);
        double? yours = user.UserId() is { } userId ? (await store.Ratings.GetAsync(userId, id, cancellationToken))?.Value : null;
        return TypedResults.Ok(new MovieDetailDto(movie.MovieId, movie.Title, movie.Year, movie.Genres, movie.Tags,
            statistics?.RatingCount ?? 0, statistics?.Mean is { } mean ? Wording.RoundedMean(mean) : null,
            MovieLinks.Imdb(movie), MovieLinks.Tmdb(movie), yours));
    }

    private static async Task<Results<Ok<SimilarMoviesDto>, BadRequestProblem, NotFoundProblem>> SimilarAsync(
        int id, string? n, IMovieRecStore store, SimilarMovies similar, PersonalPicks picks, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (count, problem) = ApiArguments.Count(n, 10, SimilarMovies.MaxCount);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        var movie = await store.Movies.GetAsync(id, cancellationToken);
        if (movie is null) return ApiProblems.NotFound($"There is no movie with id {id}.");
        var hidden = user.UserId() is { } userId ? await picks.HiddenAsync(userId, cancellationToken) : Exclusions.None;
        var list = await similar.ForPersonAsync(movie, count, hidden, cancellationToken);
        var statistics = await store.Movies.GetStatisticsManyAsync(list.Movies.Select(m => m.MovieId), cancellationToken);
        var items = list.Movies.Select(m => MovieSummaryDto.From(m, statistics.TryGetValue(m.MovieId, out var s) ? s : null)).ToList();
        return TypedResults.Ok(new SimilarMoviesDto(list.Basis.ToString().ToLowerInvariant(), items));
    }

    private static async Task<Results<Ok<List<PopularMovieDto>>, BadRequestProblem>> PopularAsync(
        string? n, PopularMovies popular, CancellationToken cancellationToken)
    {
        var (count, problem) = ApiArguments.Count(n, 20, 100);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        var movies = await popular.MostRatedAsync(count, cancellationToken);
        return TypedResults.Ok(movies.Select(PopularMovieDto.From).ToList());
    }
}
