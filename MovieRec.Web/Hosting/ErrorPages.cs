using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Web.Api;

namespace MovieRec.Web.Hosting;

/// <summary>
/// Who gets which kind of error answer. The JSON API (and the machine endpoints beside it) keep
/// problem details; a person on a page gets an HTML status page in the site's layout, rendered by
/// re-executing the request at <see cref="PagePath"/> so it has the menu, styles and sign-in state.
/// </summary>
public static class ErrorPages
{
    public const string PagePath = "/Error";

    /// <summary>A key in HttpContext.Items for a sentence more precise than the status's own.</summary>
    public const string MessageItem = "MovieRec.ErrorMessage";

    private static readonly string[] MachinePaths = ["/health", "/metrics", "/openapi"];

    /// <summary>Pages are everything a browser navigates to; the API and the endpoints for probes and scrapers are not.</summary>
    public static bool IsPageRequest(HttpContext context)
    {
        if (ApiProblems.IsApiRequest(context.Request)) return false;
        // A loop rather than Any(lambda): this runs twice on every request, and the lambda would capture the request.
        foreach (string path in MachinePaths)
            if (context.Request.Path.StartsWithSegments(path)) return false;
        return true;
    }

    /// <summary>Replaces UseExceptionHandler + UseStatusCodePages with one branch for pages and one for the API.</summary>
    public static IApplicationBuilder UseMovieRecErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(IsPageRequest, pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = PagePath,
                // Bad input that escapes as an exception is still the visitor's 4xx, not a 500.
                StatusCodeSelector = error => ApiExceptionHandler.StatusFor(error).Status is > 0 and var status ? status : StatusCodes.Status500InternalServerError,
            });
            pages.UseStatusCodePagesWithReExecute(PagePath + "/{0}");
        });
        app.UseWhen(context => !IsPageRequest(context), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    /// <summary>An empty error answer from a page, shown by the status page with this sentence instead of the status's own.</summary>
    public static IActionResult StatusPage(this PageModel page, int status, string message)
    {
        page.HttpContext.Items[MessageItem] = message;
        return new StatusCodeResult(status);
    }
}
