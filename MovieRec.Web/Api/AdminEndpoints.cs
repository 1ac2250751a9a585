using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Web.Accounts;
using MovieRec.Web.Models;
using MovieRec.Web.Retraining;

namespace MovieRec.Web.Api;

/// <summary>/api/admin: operations for administrators only.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AccountClaims.AdminPolicy).AddEndpointFilter<ApiAntiforgery>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        admin.MapPost("/reload", ReloadAsync).WithSummary("Load the model file now; a file that fails to load leaves the current model serving");
        admin.MapPost("/retrain", RetrainAsync).WithName(RetrainStatusRoute.StartName)
            .WithSummary("Start a retrain now (trained from the store, judged by the gate, published when accepted); 202 with the status to poll, 409 when one is running on any instance");
        // Reading needs no antiforgery token (nothing changes), so the page's script can poll it with the cookie alone.
        api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AccountClaims.AdminPolicy)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .MapGet("/retrain/status", RetrainStatusAsync).WithName(RetrainStatusRoute.Name)
            .WithSummary("Whether a retrain is running and how far it got, the schedule and its next run, new ratings since the last retrain, and the last runs");
        return api;
    }

    private static async Task<Results<Accepted<RetrainStatusDto>, ConflictProblem>> RetrainAsync(
        IRetrainStarter starter, RetrainStatusReader status, LinkGenerator links, HttpContext context, CancellationToken cancellationToken)
    {
        var start = await starter.TryStartAsync("admin", cancellationToken);
        if (!start.Started)
            return new ConflictProblem("A retrain is already running", start.Message);
        return TypedResults.Accepted(links.GetPathByName(context, RetrainStatusRoute.Name), await status.ReadAsync(cancellationToken));
    }

    private static async Task<Ok<RetrainStatusDto>> RetrainStatusAsync(RetrainStatusReader status, CancellationToken cancellationToken) =>
        TypedResults.Ok(await status.ReadAsync(cancellationToken));

    private static async Task<Results<Ok<ReloadDto>, ConflictProblem>> ReloadAsync(ModelReloader reloader, CancellationToken cancellationToken)
    {
        var outcome = await reloader.ReloadAsync("admin request", force: true, cancellationToken);
        if (outcome is { Succeeded: true })
            return TypedResults.Ok(new ReloadDto(true, outcome.Trigger, outcome.Message, outcome.Checksum, outcome.At));
        return new ConflictProblem("The model file was refused", $"{outcome?.Message} The current model keeps serving.");
    }
}

/// <summary>The names of the retrain routes, for links to them.</summary>
public static class RetrainStatusRoute
{
    public const string Name = "RetrainStatus";
    public const string StartName = "RetrainStart";
}
