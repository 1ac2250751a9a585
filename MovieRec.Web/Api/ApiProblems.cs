using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace MovieRec.Web.Api;

/// <summary>The rules that make /api answer in problem details where the pages would redirect or render.</summary>
public static class ApiProblems
{
    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>
    /// The cookie handler's redirect to the login or access-denied page, replaced under /api by a
    /// 401 or 403 problem: a script cannot follow a redirect to an HTML form.
    /// </summary>
    public static Task ChallengeOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A page refused to a signed-in person is an empty 403, which the status page (Hosting/ErrorPages) shows in the layout.
        if (!IsApiRequest(context.Request) && status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        if (!IsApiRequest(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        string detail = status == StatusCodes.Status401Unauthorized
            ? "Log in first: this call needs the sign-in cookie."
            : "Your account is not allowed to do this.";
        return WriteAsync(context.HttpContext, status, detail).AsTask();
    }

    public static ValueTask WriteAsync(HttpContext context, int status, string detail, string? title = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    public static BadRequestProblem BadRequest(string detail) => new(detail);

    public static NotFoundProblem NotFound(string detail) => new(detail);

    /// <summary>
    /// Documents the problems the pipeline itself may answer on a group (401 and 403 from sign-in,
    /// 400 from the antiforgery check, 413 and 415 from the body rules), which no handler returns.
    /// </summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (int status in statuses) builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }
}
