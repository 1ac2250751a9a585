using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Api;

/// <summary>
/// /api/me/hidden and /api/me/watchlist: the signed-in person's "not interested" movies and
/// watch-list. PUT adds and DELETE removes; both are idempotent (a repeat answers the same).
/// </summary>
public static class PersonListEndpoints
{
    public static RouteGroupBuilder MapPersonListEndpoints(this RouteGroupBuilder api)
    {
        Map(api, "/me/hidden", PersonList.Hidden, "Hidden movies",
            "Hide a movie (\"not interested\"): it is no longer offered in picks or similar lists",
            "Show a hidden movie again", "Your hidden movies, most recently hidden first");
        Map(api, "/me/watchlist", PersonList.WatchList, "Watch-list",
            "Add a movie to your watch-list", "Remove a movie from your watch-list", "Your watch-list, most recently added first");
        return api;
    }

    private static void Map(RouteGroupBuilder api, string path, PersonList list, string tag, string putSummary, string deleteSummary, string getSummary)
    {
        var group = api.MapGroup(path).WithTags(tag).RequireAuthorization().ProducesProblems(StatusCodes.Status401Unauthorized);
        group.MapGet("", (ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken) =>
                ListAsync(list, user, store, cancellationToken))
            .WithSummary(getSummary);
        group.MapPut("/{movieId:int}", (int movieId, ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken) =>
                AddAsync(list, movieId, user, store, cancellationToken))
            .AddEndpointFilter<ApiAntiforgery>().ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary(putSummary);
        group.MapDelete("/{movieId:int}", (int movieId, ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken) =>
                RemoveAsync(list, movieId, user, store, cancellationToken))
            .AddEndpointFilter<ApiAntiforgery>().ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary(deleteSummary);
    }

    private static async Task<Results<Ok<PersonListChangeDto>, NotFoundProblem>> AddAsync(
        PersonList list, int movieId, ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken)
    {
        try
        {
            var added = await store.PersonLists.AddAsync(user.UserId()!.Value, list, movieId, cancellationToken);
            return TypedResults.Ok(new PersonListChangeDto(movieId, OnList: true, Changed: added));
        }
        catch (StoreValidationException)
        {
            // The person is signed in, so what the store did not find is the movie.
            return NoSuchMovie(movieId);
        }
    }

    private static async Task<Results<Ok<PersonListChangeDto>, NotFoundProblem>> RemoveAsync(
        PersonList list, int movieId, ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken)
    {
        var removed = await store.PersonLists.RemoveAsync(user.UserId()!.Value, list, movieId, cancellationToken);
        // Removing what is not there is fine for a movie that exists (idempotent), a 404 for one that does not.
        if (!removed && await store.Movies.GetAsync(movieId, cancellationToken) is null)
            return NoSuchMovie(movieId);
        return TypedResults.Ok(new PersonListChangeDto(movieId, OnList: false, Changed: removed));
    }

    private static async Task<Ok<List<MovieSummaryDto>>> ListAsync(
        PersonList list, ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken)
    {
        var movieIds = await store.PersonLists.ListAsync(user.UserId()!.Value, list, cancellationToken);
        var movies = await store.Movies.GetManyAsync(movieIds, cancellationToken);
        var statistics = await store.Movies.GetStatisticsManyAsync(movieIds, cancellationToken);
        return TypedResults.Ok(movieIds
            .Where(movies.ContainsKey)
            .Select(id => MovieSummaryDto.From(movies[id], statistics.GetValueOrDefault(id)))
            .ToList());
    }

    private static NotFoundProblem NoSuchMovie(int movieId) => ApiProblems.NotFound($"There is no movie with id {movieId}.");
}
