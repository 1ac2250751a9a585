using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Ratings;

namespace MovieRec.Web.Api;

/// <summary>/api/ratings/{movieId} (PUT, DELETE) and /api/me/ratings: the signed-in person's ratings.</summary>
public static class RatingEndpoints
{
    public static RouteGroupBuilder MapRatingEndpoints(this RouteGroupBuilder api)
    {
        var ratings = api.MapGroup("/ratings").WithTags("Ratings").RequireAuthorization().AddEndpointFilter<ApiAntiforgery>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        ratings.MapPut("/{movieId:int}", PutAsync)
            .Accepts<RatingRequest>("application/json")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Rate a movie: {\"rating\": 0.5 to 5 in steps of 0.5}");
        ratings.MapDelete("/{movieId:int}", DeleteAsync).WithSummary("Remove your rating of a movie");
        api.MapGet("/me/ratings", ListAsync).WithTags("Ratings").RequireAuthorization().ProducesProblems(StatusCodes.Status401Unauthorized)
            .WithSummary("Your ratings, newest first");
        return api;
    }

    private static async Task<Results<Ok<RatingSavedDto>, BadRequestProblem, NotFoundProblem>> PutAsync(
        int movieId, HttpRequest request, ClaimsPrincipal user, RatingWriter writer, IMovieRecStore store, CancellationToken cancellationToken)
    {
        // The body is read here rather than bound, so that every kind of bad body gets its own clear message.
        RatingRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<RatingRequest>(cancellationToken);
        }
        catch (JsonException)
        {
            return ApiProblems.BadRequest("The body must be JSON like {\"rating\": 4.5}.");
        }
        catch (InvalidOperationException)
        {
            return ApiProblems.BadRequest("Send the body as application/json, like {\"rating\": 4.5}.");
        }
        if (body?.Rating is not { } value)
            return ApiProblems.BadRequest("The body must give a rating, like {\"rating\": 4.5}.");

        int userId = user.UserId()!.Value;
        var write = await writer.RateAsync(userId, movieId, value, "api", cancellationToken);
        return write.Status switch
        {
            RatingWriteStatus.InvalidValue => ApiProblems.BadRequest(RatingWrite.InvalidValueMessage(value)),
            RatingWriteStatus.NoSuchMovie => ApiProblems.NotFound($"There is no movie with id {movieId}."),
            // A watched movie is often still on the watch-list: the page offers to take it off.
            _ => TypedResults.Ok(new RatingSavedDto(movieId, value, write.Previous,
                (await store.PersonLists.ListAsync(userId, PersonList.WatchList, cancellationToken)).Contains(movieId))),
        };
    }

    private static async Task<Results<NoContent, NotFoundProblem>> DeleteAsync(
        int movieId, ClaimsPrincipal user, RatingWriter writer, CancellationToken cancellationToken)
    {
        var removed = await writer.RemoveAsync(user.UserId()!.Value, movieId, "api", cancellationToken);
        return removed is null ? ApiProblems.NotFound($"You have not rated movie {movieId}.") : TypedResults.NoContent();
    }

    private static async Task<Ok<List<RatingDto>>> ListAsync(ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken)
    {
        var ratings = await store.Ratings.ListByUserAsync(user.UserId()!.Value, cancellationToken);
        var movies = await store.Movies.GetManyAsync(ratings.Select(r => r.MovieId), cancellationToken);
        return TypedResults.Ok(ratings
            .Select(r => new RatingDto(r.MovieId, movies.TryGetValue(r.MovieId, out var m) ? m.Title : $"Movie {r.MovieId}", r.Value,
                DateTimeOffset.FromUnixTimeSeconds(r.Timestamp)))
            .ToList());
    }
}
