using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Api;

/// <summary>/api/me/settings: the signed-in person's familiar/new step, favourite genres and first-steps state.</summary>
public static class PersonSettingsEndpoints
{
    public static RouteGroupBuilder MapPersonSettingsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/settings").WithTags("Settings").RequireAuthorization().ProducesProblems(StatusCodes.Status401Unauthorized);
        group.MapGet("", GetAsync).WithSummary("Your familiar/new step (1 familiar to 5 new), favourite genres and whether the first steps are done");
        group.MapPut("", PutAsync).AddEndpointFilter<ApiAntiforgery>()
            .Accepts<PersonSettingsRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Change your settings: {\"familiarNewStep\": 1..5, \"favouriteGenres\": [...], \"onboardingDone\": true}; fields left out are kept");
        return api;
    }

    private static async Task<Ok<PersonSettingsDto>> GetAsync(ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(PersonSettingsDto.From(await store.PersonSettings.GetAsync(user.UserId()!.Value, cancellationToken)));

    private static async Task<Results<Ok<PersonSettingsDto>, BadRequestProblem>> PutAsync(
        HttpRequest request, ClaimsPrincipal user, IMovieRecStore store, CancellationToken cancellationToken)
    {
        PersonSettingsRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<PersonSettingsRequest>(cancellationToken);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return ApiProblems.BadRequest("The body must be JSON like {\"familiarNewStep\": 4}.");
        }
        if (body is null) return ApiProblems.BadRequest("The body must be JSON like {\"familiarNewStep\": 4}.");

        int userId = user.UserId()!.Value;
        var current = await store.PersonSettings.GetAsync(userId, cancellationToken);
        if (body.FavouriteGenres is { } genres)
        {
            var known = await store.Movies.ListGenresAsync(cancellationToken);
            if (genres.FirstOrDefault(genre => !known.Contains(genre)) is { } unknown)
                return ApiProblems.BadRequest($"There is no genre \"{unknown}\".");
        }
        var changed = current with
        {
            FamiliarNewStep = body.FamiliarNewStep ?? current.FamiliarNewStep,
            FavouriteGenres = body.FavouriteGenres ?? current.FavouriteGenres,
            OnboardingDone = body.OnboardingDone ?? current.OnboardingDone,
        };
        try
        {
            await store.PersonSettings.SaveAsync(userId, changed, cancellationToken);
        }
        catch (StoreValidationException error)
        {
            return ApiProblems.BadRequest(error.Message);
        }
        return TypedResults.Ok(PersonSettingsDto.From(changed));
    }
}
