using MovieRec.Web.Accounts;
using MovieRec.Web.Models;

namespace MovieRec.Web.Api;

/// <summary>/api/admin: operations for administrators only.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AccountClaims.AdminPolicy).AddEndpointFilter<ApiAntiforgery>();
        admin.MapPost("/reload", ReloadAsync).WithSummary("Load the model file now; a file that fails to load leaves the current model serving");
        return api;
    }

    private static async Task<IResult> ReloadAsync(ModelReloader reloader, CancellationToken cancellationToken)
    {
        var outcome = await reloader.ReloadAsync("admin request", force: true, cancellationToken);
        if (outcome is { Succeeded: true })
            return Results.Ok(new ReloadDto(true, outcome.Trigger, outcome.Message, outcome.Checksum, outcome.At));
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The model file was refused",
            detail: $"{outcome?.Message} The current model keeps serving.");
    }
}
