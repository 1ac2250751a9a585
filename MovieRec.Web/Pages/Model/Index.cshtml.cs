using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Web.Charts;
using MovieRec.Web.Models;

namespace MovieRec.Web.Pages.Model;

/// <summary>Model status: the model being served, its training curve, the last reload and the linear-algebra provider.</summary>
public class IndexModel(ModelHolder holder) : PageModel
{
    public ActiveModel? Active { get; private set; }
    public ReloadOutcome? LastReload { get; private set; }
    public TrainingStatus Training { get; private set; } = TrainingStatus.NotNeeded;
    public string LinearAlgebraProvider { get; } = CholeskySolver.ProviderName;
    public LineChart? Curve { get; private set; }

    public void OnGet()
    {
        Active = holder.Current;
        LastReload = holder.LastReload;
        Training = holder.Training;
        if (Active is null) return;

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
    }
}
