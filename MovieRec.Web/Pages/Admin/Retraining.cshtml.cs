using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Storage;
using MovieRec.Web.Hosting;
using MovieRec.Web.Retraining;

namespace MovieRec.Web.Pages.Admin;

/// <summary>
/// Retraining for administrators: a running retrain's progress (the page's script polls the status
/// endpoint), the schedule and its next run, the new ratings counted towards Retrain:AfterNewRatings,
/// the last runs with their held-out figures and verdicts, and a "Retrain now" button (a plain form
/// post, so it works without script). Anyone else gets the 403 status page.
/// </summary>
public class RetrainingModel(RetrainStatusReader reader, IRetrainStarter starter) : PageModel
{
    public const string Forbidden = "The retraining page is for administrators.";

    public RetrainStatusDto Status { get; private set; } = null!;

    /// <summary>What the last "Retrain now" did, shown once after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(RoleRules.Admin))
            return this.StatusPage(StatusCodes.Status403Forbidden, Forbidden);
        Status = await reader.ReadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(RoleRules.Admin))
            return this.StatusPage(StatusCodes.Status403Forbidden, Forbidden);
        var start = await starter.TryStartAsync("admin", cancellationToken);
        Notice = start.Message;
        return RedirectToPage();
    }

    public static string Figure(double? value) => value is { } v ? v.ToString("0.0000") : "—";
}
