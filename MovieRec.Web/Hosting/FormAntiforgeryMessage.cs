using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace MovieRec.Web.Hosting;

/// <summary>
/// A page form posted without a valid antiforgery token (forged by another site, or from a page
/// left open until its token no longer fits) is refused with 400 and, instead of an empty body,
/// the status page with a sentence that tells a real person what to do. Runs even though the antiforgery check
/// short-circuits the page, which is what IAlwaysRunResultFilter is for.
/// </summary>
public sealed class FormAntiforgeryMessage : IAlwaysRunResultFilter
{
    public const string Sentence =
        "This form was not sent from a MovieRec page, or the page was open too long. Go back, reload the page and send the form again.";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            // An empty 400: the status page (Hosting/ErrorPages) shows it in the layout with this sentence.
            context.HttpContext.Items[ErrorPages.MessageItem] = Sentence;
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
