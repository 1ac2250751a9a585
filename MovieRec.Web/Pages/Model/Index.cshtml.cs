using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Storage;
using MovieRec.Web.Hosting;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Web.Charts;
using MovieRec.Web.Models;

namespace MovieRec.Web.Pages.Model;

/// <summary>
/// Model status for administrators: the model being served (with its file's path on the server),
/// its training curve, the last reload and the maths provider. Anyone else, signed in or not, gets
/// the 403 status page rather than a login form: the page is not for them whoever they log in as.
/// </summary>
public class IndexModel(ModelHolder holder) : PageModel
{
    public ActiveModel? Active { get; private set; }
    public ReloadOutcome? LastReload { get; private set; }
    public TrainingStatus Training { get; private set; } = TrainingStatus.NotNeeded;
    public string LinearAlgebraProvider { get; } = CholeskySolver.ProviderName;
    public LineChart? Curve { get; private set; }

    /// <summary>What training did at startup, in words.</summary>
    public string TrainingSentence => Training.State switch
    {
        TrainingState.NotNeeded => "No training was needed at startup: a model file was already there.",
        TrainingState.Running => "The first model is being trained now. " + Training.Message,
        TrainingState.Finished => "The first model was trained at startup. " + Training.Message,
        TrainingState.Failed => "Training the first model at startup failed. " + Training.Message,
        _ => Training.Message,
    };

    public IActionResult OnGet()
    {
        if (!User.IsInRole(RoleRules.Admin))
            return this.StatusPage(StatusCodes.Status403Forbidden, "The model page is for administrators.");
        Active = holder.Current;
        LastReload = holder.LastReload;
        Training = holder.Training;
        if (Active is null) return Page();

        // One line per model and measure: the rating model's train and validation RMSE, the ranking model's fit.
        var colors = new[] { "stroke-amber-500", "stroke-sky-600", "stroke-emerald-600", "stroke-rose-600" };
        var series = new List<LineSeries>();
        foreach (var group in Active.File.Facts.Curve.GroupBy(line => line.Model))
        {
            series.Add(new LineSeries($"{group.Key}: training RMSE", group.Select(l => ((double)l.Iteration, l.TrainRmse)).ToList(), colors[series.Count % colors.Length]));
            var validation = group.Where(l => l.ValidationRmse is not null).Select(l => ((double)l.Iteration, l.ValidationRmse!.Value)).ToList();
            if (validation.Count > 0)
                series.Add(new LineSeries($"{group.Key}: held-out RMSE", validation, colors[series.Count % colors.Length]));
        }
        Curve = new LineChart("Training curve", "iteration", "RMSE", series);
        return Page();
    }
}
