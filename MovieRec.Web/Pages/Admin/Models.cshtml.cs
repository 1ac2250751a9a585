using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Storage;
using MovieRec.Web.Charts;
using MovieRec.Web.Hosting;
using MovieRec.Web.Models;
using MovieRec.Web.Models.Experiments;
using MovieRec.Web.Models.History;

namespace MovieRec.Web.Pages.Admin;

/// <summary>
/// The model history for administrators: every kept version with its figures, a button to make any
/// of them the active one (a POST with the antiforgery token; refused when the version does not
/// load), the metrics across versions as charts, and the A/B experiment's arms with their
/// confidence intervals. Anyone else gets the 403 status page, as on /Model.
/// </summary>
public class ModelsModel(ModelHistoryView history, ModelActivation activation, ModelReloader reloader, CandidateLoader experiment,
    IMovieRecStore store, ILogger<ModelsModel> logger) : PageModel
{
    public IReadOnlyList<ModelVersionEntry> Versions { get; private set; } = [];
    public string Location => history.Location;
    public LineChart? RmseChart { get; private set; }
    public LineChart? NdcgChart { get; private set; }
    public ExperimentSettings? Experiment => experiment.Configured;
    public bool Promoted => experiment.Promoted;
    public IReadOnlyList<ArmReport> Arms { get; private set; } = [];

    /// <summary>What the last action did, shown above the list; null after a plain visit.</summary>
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(RoleRules.Admin))
            return this.StatusPage(StatusCodes.Status403Forbidden, "The model history is for administrators.");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActivateAsync(string? version, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(RoleRules.Admin))
            return this.StatusPage(StatusCodes.Status403Forbidden, "The model history is for administrators.");
        if (!ModelVersionNames.IsValid(version))
        {
            Fail(StatusCodes.Status400BadRequest, "That is not a model version; choose one from the list.");
        }
        else
        {
            try
            {
                await activation.ActivateAsync(version!, ModelActivation.Check.Load, cancellationToken);
                // This instance serves it at once; the others at their next check.
                await reloader.ReloadAsync("version activated", force: false, cancellationToken);
                await experiment.RefreshAsync(cancellationToken);
                Message = $"Version {version} is now the active model.";
            }
            catch (ModelVersionNotFoundException)
            {
                Fail(StatusCodes.Status404NotFound, $"Version {version} is not in the history (it may have been removed); nothing changed.");
            }
            catch (ModelActivationRefusedException error)
            {
                logger.LogWarning("Activation of {Version} refused from the admin page: {Reason}", version, error.Message);
                Fail(StatusCodes.Status409Conflict, $"Version {version} was refused: it does not load, so the active version stays.");
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private void Fail(int status, string message)
    {
        Response.StatusCode = status;
        Message = message;
        MessageIsError = true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Versions = await history.ListAsync(cancellationToken);
        // Oldest to newest along the x axis: version 1 is the oldest kept.
        var ordered = Versions.Reverse().Select((entry, n) => (X: n + 1.0, entry.Facts)).ToList();
        RmseChart = new LineChart("Held-out RMSE by version (lower is better)", "version (oldest kept = 1)", "RMSE",
        [
            new LineSeries("held-out RMSE", ordered.Where(v => v.Facts.HeldOutRmse is not null).Select(v => (v.X, v.Facts.HeldOutRmse!.Value)).ToList(), "stroke-sky-600"),
            new LineSeries("biases alone", ordered.Where(v => v.Facts.BiasOnlyRmse is not null).Select(v => (v.X, v.Facts.BiasOnlyRmse!.Value)).ToList(), "stroke-amber-500"),
        ]);
        NdcgChart = new LineChart("Held-out NDCG@10 by version (higher is better)", "version (oldest kept = 1)", "NDCG@10",
        [
            new LineSeries("NDCG@10", ordered.Where(v => v.Facts.HeldOutNdcg is not null).Select(v => (v.X, v.Facts.HeldOutNdcg!.Value)).ToList(), "stroke-emerald-600"),
        ]);
        if (Experiment is { } running)
            Arms = (await store.Experiments.CountAsync(running.Candidate, cancellationToken)).Select(counts => new ArmReport(counts)).ToList();
    }
}
