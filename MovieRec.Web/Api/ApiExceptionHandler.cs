using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using MovieRec.Core.Storage;
using MovieRec.Web.Metrics;

namespace MovieRec.Web.Api;

/// <summary>
/// Turns the exceptions that mean "bad input" into 4xx problem details with their message; anything
/// else stays a 500 whose details are logged, not shown.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, MovieRecMetrics metrics, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The status and sentence for an exception that means bad input; (0, "") for anything else.</summary>
    public static (int Status, string Detail) StatusFor(Exception exception) => exception switch
    {
        // Malformed JSON, a query value of the wrong type, a body over the limit.
        BadHttpRequestException bad => (bad.StatusCode, bad.Message),
        JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON."),
        UsernameTakenException taken => (StatusCodes.Status409Conflict, taken.Message),
        StoreValidationException invalid => (StatusCodes.Status400BadRequest, invalid.Message),
        _ => (0, ""),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = StatusFor(exception);
        // A store that failed (not bad input) stays a 500, counted for the dashboards.
        if (exception is StoreException and not StoreValidationException) metrics.StoreError("request");
        // Pages show their own status page (Hosting/ErrorPages); this handler writes problems for the API.
        if (status == 0 || Hosting.ErrorPages.IsPageRequest(context)) return false;
        logger.LogInformation("Request refused with {Status}: {Reason}", status, detail);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = "The request is not valid", Detail = detail },
        });
    }
}
