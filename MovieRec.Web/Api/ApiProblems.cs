using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

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

    /// <summary>A 400 problem with a message that says what to fix.</summary>
    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid", detail: detail);

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
