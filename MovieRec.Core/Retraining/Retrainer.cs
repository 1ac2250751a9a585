using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Core.Retraining;

/// <summary>
/// Retrains the model from the store, the single source of ratings (first run and `import` put
/// the dataset there, and a rating deleted in the app stays deleted), optionally merged with an
/// extra CSV (the store wins; a CSV whose user ids belong to registered accounts is refused unless
/// the request says they are the same people). Then hold out a stable slice, train on the rest, judge the new model on the
/// slice against biases alone and against the model it would replace. Writing is not done here:
/// an accepted model is published by the web layer's retrain service (history, activation), the
/// one step every accepted model goes through.
/// </summary>
public static class Retrainer
{
    public static async Task<RetrainResult> RunAsync(IMovieRecStore store, RetrainRequest request,
        Action<IterationReport>? report = null, CancellationToken cancellationToken = default)
    {
        var dataset = request.CsvPath is null ? [] : await ReadCsvToMergeAsync(store, request, cancellationToken);
        var stored = new List<Rating>();
        await foreach (var rating in store.Ratings.StreamAllAsync(cancellationToken)) stored.Add(rating);
        var merged = dataset.Length == 0 ? stored.ToArray() : RatingMerger.Merge(dataset, stored);
        if (merged.Length == 0) throw new InvalidOperationException("there are no ratings to train on: import a dataset first");

        var (train, heldOut) = HeldOutSplit.Split(merged, request.HeldOutShare);
        var model = ModelTrainer.Train(train, request.Options, heldOut, report, cancellationToken);
        // Both models judged by the rating people are shown (fold-in from the same training ratings,
        // the served formula), not by their factor formula alone.
        double newRmse = model.Facts.PublishedHeldOutRmse ?? double.NaN;
        double biasOnlyRmse = BiasOnlyRmse(model, heldOut);
        double? currentRmse = File.Exists(request.OutputPath) ? CurrentModelRmse(request.OutputPath, train, heldOut, request.Options.Threads) : null;
        cancellationToken.ThrowIfCancellationRequested();
        double? ndcg = HeldOutRanking.Ndcg(model, train, heldOut, request.Options.Threads);

        var verdict = request.Force
            ? new GateVerdict(true, "forced: the gate was skipped")
            : RetrainGate.Judge(newRmse, biasOnlyRmse, currentRmse);
        return new RetrainResult(dataset.Length, stored.Count, merged.Length, newRmse, biasOnlyRmse, currentRmse, verdict, Written: false, model)
        {
            HeldOutNdcg = ndcg,
            HeldOutShare = request.HeldOutShare,
        };
    }

    /// <summary>
    /// The CSV's ratings that may join the store's: none of an imported dataset user (the store has
    /// held theirs since import; what is missing there was deleted in the app), and none at all when
    /// a user id belongs to a registered account, unless the request says they are the same people.
    /// </summary>
    private static async Task<Rating[]> ReadCsvToMergeAsync(IMovieRecStore store, RetrainRequest request, CancellationToken cancellationToken)
    {
        var csv = ReadDataset(request.CsvPath!);
        var users = await CsvUsers.ClassifyAsync(store.Users, csv.Select(r => r.UserId), cancellationToken);
        if (users.RegisteredUsers.Count > 0 && !request.CsvUsersAreDatasetUsers) throw users.Refusal(request.CsvPath!);
        return users.DatasetUsers.Count == 0 ? csv : csv.Where(r => !users.DatasetUsers.Contains(r.UserId)).ToArray();
    }

    private static Rating[] ReadDataset(string path)
    {
        if (Directory.Exists(path)) return MovieLensDataset.Open(path).ReadRatings().ToArray();
        if (File.Exists(path)) return RatingFileReader.Read(path).ToArray();
        throw new DirectoryNotFoundException($"no MovieLens dataset at {path}");
    }

    /// <summary>
    /// mu + b_u + b_i alone on the slice: the new model's own biases, which the trainer fitted once by
    /// shrinkage on the same training part and held fixed, so they are the bias-only baseline.
    /// </summary>
    private static double BiasOnlyRmse(ModelSnapshot model, Rating[] heldOut) =>
        HeldOutRatings.Create(heldOut, model.Users, model.Items, RatingScale.HalfStars).Rmse(model.Biases.Predict);

    /// <summary>
    /// The served RMSE of the model now in the file on the same slice, its people folded in from the
    /// same training ratings, or null when it cannot be read (it will be replaced).
    /// </summary>
    private static double? CurrentModelRmse(string path, Rating[] train, Rating[] heldOut, int threads)
    {
        try
        {
            var current = ModelFile.Read(path);
            return ServedHeldOutRmse.Compute(current, train, heldOut, RatingScale.HalfStars, threads);
        }
        catch (ModelFileException)
        {
            return null;
        }
    }
}
