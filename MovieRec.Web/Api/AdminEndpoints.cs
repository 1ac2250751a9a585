using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Web.Accounts;
using MovieRec.Web.Models;

namespace MovieRec.Web.Api;

/// <summary>/api/admin: operations for administrators only.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AccountClaims.AdminPolicy).AddEndpointFilter<ApiAntiforgery>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        admin.MapPost("/reload", ReloadAsync).WithSummary("Load the model file now; a file that fails to load leaves the current model serving");
        return api;
    }

    private static async Task<Results<Ok<ReloadDto>, ConflictProblem>> ReloadAsync(ModelReloader reloader, CancellationToken cancellationToken)
    {
        var outcome = await reloader.ReloadAsync("admin request", force: true, cancellationToken);
        if (outcome is { Succeeded: true })
            return TypedResults.Ok(new ReloadDto(true, outcome.Trigger, outcome.Message, outcome.Checksum, outcome.At));
        return new ConflictProblem("The model file was refused", $"{outcome?.Message} The current model keeps serving.");
    }
}
