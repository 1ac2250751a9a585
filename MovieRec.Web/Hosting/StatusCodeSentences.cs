using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace MovieRec.Web.Hosting;

/// <summary>
/// What UseStatusCodePages writes for an error answer that has no body of its own (an address no
/// route matches, a 415 from content-type matching, a bare NotFound()): a problem whose detail is a
/// sentence saying what went wrong, where the default writes only "Not Found".
/// </summary>
public static class StatusCodeSentences
{
    public static IServiceCollection AddStatusCodeSentences(this IServiceCollection services) =>
        services.Configure<StatusCodePagesOptions>(options => options.HandleAsync = WriteAsync);

    public static string For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be understood. Go back, reload the page and try again.",
        StatusCodes.Status401Unauthorized => "Log in first: this needs the sign-in cookie.",
        StatusCodes.Status403Forbidden => "Your account is not allowed to do this.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that kind of request.",
        StatusCodes.Status413PayloadTooLarge => "The request is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The body is not of a type this address accepts; the API takes application/json.",
        StatusCodes.Status500InternalServerError => "Something went wrong on the server. It has been logged; try again in a moment.",
        _ => "The request could not be handled.",
    };

    private static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        int status = http.Response.StatusCode;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        bool written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = For(status) },
        });
        // A client that accepts no JSON (a browser asking for HTML only) gets the sentence as plain text.
        if (!written)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(For(status));
        }
    }
}
