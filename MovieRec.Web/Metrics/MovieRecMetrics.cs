using System.Diagnostics.Metrics;
using MovieRec.Web.Models;

namespace MovieRec.Web.Metrics;

/// <summary>
/// The app's own instruments, on the "MovieRec" meter (exported at /metrics next to ASP.NET
/// Core's request duration histogram). One owner for every name, so a dashboard has one place to read.
/// </summary>
public sealed class MovieRecMetrics
{
    public const string MeterName = "MovieRec";

    private readonly Histogram<double> _picks;
    private readonly Histogram<double> _foldIn;
    private readonly Counter<long> _ratingsWritten;
    private readonly Counter<long> _reloads;
    private readonly Histogram<double> _retrain;
    private readonly Counter<long> _storeErrors;

    public MovieRecMetrics(IMeterFactory meters, ModelHolder holder)
    {
        var meter = meters.Create(MeterName);
        _picks = meter.CreateHistogram<double>("movierec.picks.duration", "s", "Time to compute one person's picks (fold-in, scoring, reasons, movie records).");
        _foldIn = meter.CreateHistogram<double>("movierec.foldin.duration", "s", "Time to fold a person's current ratings into the model.");
        _ratingsWritten = meter.CreateCounter<long>("movierec.ratings.written", "{rating}", "Ratings stored or removed, by the page or the API.");
        _reloads = meter.CreateCounter<long>("movierec.model.reloads", "{reload}", "Attempts to load the model file, by outcome (loaded or refused).");
        _retrain = meter.CreateHistogram<double>("movierec.retrain.duration", "s", "Training runs of this process, by verdict (written or refused).");
        _storeErrors = meter.CreateCounter<long>("movierec.store.errors", "{error}", "Store calls that failed, by where they failed.");
        // The file format version and a short checksum of the model being served: 0 without one.
        meter.CreateObservableGauge("movierec.model.version", () => holder.Current is { } model
            ? new Measurement<long>(model.File.Version, new KeyValuePair<string, object?>("checksum", model.File.Checksum[..12]))
            : new Measurement<long>(0), "{version}", "Format version of the model file being served (0 while there is none), tagged with its checksum.");
    }

    public void Picks(TimeSpan elapsed) => _picks.Record(elapsed.TotalSeconds);

    public void FoldIn(TimeSpan elapsed) => _foldIn.Record(elapsed.TotalSeconds);

    /// <param name="change">"upsert" or "delete"</param>
    /// <param name="via">"api" or "page"</param>
    public void RatingWritten(string change, string via, long count = 1) =>
        _ratingsWritten.Add(count, new KeyValuePair<string, object?>("change", change), new KeyValuePair<string, object?>("via", via));

    public void Reload(bool succeeded, string trigger) =>
        _reloads.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "loaded" : "refused"), new KeyValuePair<string, object?>("trigger", trigger));

    public void Retrain(TimeSpan elapsed, bool written) =>
        _retrain.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("verdict", written ? "written" : "refused"));

    public void StoreError(string where) => _storeErrors.Add(1, new KeyValuePair<string, object?>("where", where));
}
