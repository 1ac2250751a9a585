using System.Security.Claims;
using System.Text.Json;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Api;

/// <summary>/api/ratings/{movieId} (PUT, DELETE) and /api/me/ratings: the signed-in person's ratings.</summary>
public static class RatingEndpoints
{
    public static RouteGroupBuilder MapRatingEndpoints(this RouteGroupBuilder api)
    {
        var ratings = api.MapGroup("/ratings").WithTags("Ratings").RequireAuthorization().AddEndpointFilter<ApiAntiforgery>();
        ratings.MapPut("/{movieId:int}", PutAsync)
            .Accepts<RatingRequest>("application/json")
            .WithSummary("Rate a movie: {\"rating\": 0.5 to 5 in steps of 0.5}");
        ratings.MapDelete("/{movieId:int}", DeleteAsync).WithSummary("Remove your rating of a movie");
        api.MapGet("/me/ratings", ListAsync).WithTags("Ratings").RequireAuthorization().WithSummary("Your ratings, newest first");
        return api;
    }

    private static async Task<IResult> PutAsync(int movieId, HttpRequest request, ClaimsPrincipal user, IMovieRecStore store, TimeProvider time,
        CancellationToken cancellationToken)
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
        if (!RatingValue.IsValid(value))
            return ApiProblems.BadRequest($"A rating is one of 0.5, 1.0, ... 5.0; {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not.");
        if (await store.Movies.GetAsync(movieId, cancellationToken) is null)
            return ApiProblems.NotFound($"There is no movie with id {movieId}.");

        var rating = new Rating(user.UserId()!.Value, movieId, (float)value, time.GetUtcNow().ToUnixTimeSeconds());
        var previous = await store.Ratings.UpsertAsync(rating, cancellationToken);
        return Results.Ok(new { movieId, rating = value, previous });
    }

    private static async Task<IResult> DeleteAsync(int movieId, ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken)
    {
        var removed = await store.Ratings.DeleteAsync(user.UserId()!.Value, movieId, cancellationToken);
        return removed is null ? ApiProblems.NotFound($"You have not rated movie {movieId}.") : Results.NoContent();
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken)
    {
        var ratings = await store.Ratings.ListByUserAsync(user.UserId()!.Value, cancellationToken);
        var movies = await store.Movies.GetManyAsync(ratings.Select(r => r.MovieId), cancellationToken);
        return Results.Ok(ratings
            .Select(r => new RatingDto(r.MovieId, movies.TryGetValue(r.MovieId, out var m) ? m.Title : $"Movie {r.MovieId}", r.Value,
                DateTimeOffset.FromUnixTimeSeconds(r.Timestamp)))
            .ToList());
    }
}
