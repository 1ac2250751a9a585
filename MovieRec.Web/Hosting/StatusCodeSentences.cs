using Microsoft.AspNetCore.WebUtilities;

namespace MovieRec.Web.Hosting;

/// <summary>
/// A sentence per error status, saying what went wrong where the framework says only "Not Found":
/// the detail of every problem that has none of its own (an address no route matches, a 415 from
/// content-type matching, a bare NotFound(), written by UseStatusCodePages through the problem
/// details service), and the text of the HTML status page.
/// </summary>
public static class StatusCodeSentences
{
    /// <summary>Fills in the sentence of problems written without a detail (AddProblemDetails' own customisation hook).</summary>
    public static IServiceCollection AddStatusCodeSentences(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status is not (int status and >= 400)) return;
            problem.Detail ??= For(status);
            // The framework's own titles skip a few statuses (413 among them).
            if (string.IsNullOrEmpty(problem.Title)) problem.Title = ReasonPhrases.GetReasonPhrase(status);
        });

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
}
