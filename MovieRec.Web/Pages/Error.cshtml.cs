using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using MovieRec.Web.Api;
using MovieRec.Web.Hosting;

namespace MovieRec.Web.Pages;

/// <summary>
/// The status page a person sees (Hosting/ErrorPages re-executes failed page requests here): the
/// status in words, a sentence saying what to do, and for a server failure a correlation id to
/// quote, never the exception. Any method may be re-executed here (a refused form post included),
/// so the page has no handler of its own and checks no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? CorrelationId { get; private set; }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        int requested = RouteData.Values.TryGetValue("status", out var value) && int.TryParse(value?.ToString(), out int parsed) ? parsed : 0;
        // Opened directly (/Error/418, /Error/abc), the page answers for the status in its address, or 404.
        Status = reExecuted is not null || failure is not null ? Response.StatusCode
            : requested is >= 400 and <= 599 ? requested : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        Heading = ReasonPhrases.GetReasonPhrase(Status) is { Length: > 0 } phrase ? phrase : "Error";
        Message = HttpContext.Items[ErrorPages.MessageItem] as string
            ?? (failure is not null && ApiExceptionHandler.StatusFor(failure.Error) is { Status: > 0, Detail: var detail } ? detail : null)
            ?? StatusCodeSentences.For(Status);
        if (Status >= 500) CorrelationId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
