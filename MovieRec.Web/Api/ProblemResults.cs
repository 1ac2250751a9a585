using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace MovieRec.Web.Api;

/// <summary>
/// Typed problem answers for <c>Results&lt;...&gt;</c> unions. The framework's BadRequest&lt;ProblemDetails&gt;
/// writes plain application/json and skips the problem-details service; its ProblemHttpResult
/// writes both right but tells OpenAPI nothing. These do both: written by the service as
/// application/problem+json, and documented with their status from the handler's signature alone.
/// </summary>
public abstract class ProblemResult(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IValueHttpResult
{
    public ProblemDetails Value => problem;

    object? IValueHttpResult.Value => problem;

    public int? StatusCode => problem.Status;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(problem).ExecuteAsync(httpContext);

    protected static void Document(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>400 with a message that says what to fix.</summary>
public sealed class BadRequestProblem(string detail)
    : ProblemResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request is not valid", Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status400BadRequest);
}

/// <summary>404 naming what is not there.</summary>
public sealed class NotFoundProblem(string detail)
    : ProblemResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: the request was understood but the state refuses it.</summary>
public sealed class ConflictProblem(string title, string detail)
    : ProblemResult(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = title, Detail = detail }), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status409Conflict);
}
