using System.Diagnostics;
using MovieRec.Core.Engine.Ease;
using MovieRec.Core.Engine.Neighbourhood;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Engine;

/// <summary>
/// Fits everything a model holds: the rating matrix, the biases (by shrinkage, then fixed), the
/// factors of the rating model on the residual (ALS, optionally with SVD++), the ranking model
/// (implicit ALS) when enabled, EASE on the most-rated movies and the item-neighbourhood term of
/// the predicted rating when enabled, side by side on two threads when more than one is allowed
/// (see <see cref="Train"/>); then the lookup tables scoring needs. <c>stageSeconds</c> hears each
/// stage's wall time as it ends (bench train prints them).
/// </summary>
public static class ModelTrainer
{
    public static ModelSnapshot Train(ReadOnlySpan<Rating> ratings, TrainerOptions options,
        IReadOnlyList<Rating>? validation = null, Action<IterationReport>? report = null, CancellationToken cancel = default,
        RatingScale? scale = null, bool measureServedHeldOut = true, Action<string, double>? stageSeconds = null)
    {
        TrainerOptionsValidator.ThrowIfInvalid(options);
        var clock = Stopwatch.StartNew();
        var lap = Stopwatch.StartNew();
        void Stage(string name)
        {
            stageSeconds?.Invoke(name, lap.Elapsed.TotalSeconds);
            lap.Restart();
        }
        var matrix = RatingMatrix.Build(ratings);
        var biases = BiasEstimator.Estimate(matrix, options.BiasMode, options.ItemBiasShrinkage, options.UserBiasShrinkage);
        var heldOut = validation is null ? null : HeldOutRatings.Create(validation, matrix.Users, matrix.Items, scale ?? RatingScale.HalfStars);
        Stage("rating matrix and biases");

        // Each model's curve apart, joined in a fixed order at the end: the two factor fits may report from two threads at once.
        var ratingCurve = new List<IterationReport>();
        var rankingCurve = new List<IterationReport>();
        var reporting = new object();
        void Record(IterationReport line)
        {
            lock (reporting)
            {
                (line.Model == ImplicitAls.CurveName ? rankingCurve : ratingCurve).Add(line);
                report?.Invoke(line);
            }
        }

        // With more than one thread the work is shared out coarsely, because on a couple of cores
        // whole fits side by side keep both busy where parallel loops leave gaps (a loop's second
        // thread is woken for each of some 200 loops a fit, and serial passes sit between them):
        //  - the ranking model reads only the rating matrix, so it runs on a thread of its own beside
        //    the rating model, each with half the threads;
        //  - EASE (fitted only with a ranking model, whose score it joins) reads only the matrix and
        //    follows the rating model on this thread;
        //  - the neighbour fit reads the matrix and the biases, and every thread joins it when its
        //    own work is done.
        // Every result is the same whichever thread computes it, and each fit's on any number of
        // threads (fixed summation orders), so the model does not depend on how the work was shared.
        // With one thread (Threads = 1 promises that) everything runs here, one fit after another.
        int threads = options.EffectiveThreads;
        bool withEase = options.Ranking && options.EaseItems > 0; // a score beside the ranking model's, weighted relative to it: only with one
        var neighbourJob = options.NeighboursKept > 0 ? new NeighbourFitJob(matrix, biases, options) : null;
        bool rankingBeside = threads > 1 && options.Ranking;
        var ratingOptions = rankingBeside ? options with { Threads = (threads + 1) / 2 } : options;
        var rankingOptions = rankingBeside ? options with { Threads = threads / 2 } : options;
        RankingModel? FitBeside(CancellationToken token)
        {
            var fitted = rankingBeside ? ImplicitAls.Fit(matrix, rankingOptions, Record, token) : null;
            neighbourJob?.Work(token);
            return fitted;
        }
        using var stopBeside = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var beside = rankingBeside || (threads > 1 && neighbourJob is not null)
            ? Task.Factory.StartNew(() => FitBeside(stopBeside.Token), stopBeside.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        RatingFactors factors;
        RankingModel? ranking = null;
        EaseModel? ease = null;
        try
        {
            factors = ExplicitAls.Fit(matrix, biases, ratingOptions, heldOut, Record, cancel);
            Stage(options.SvdPlusPlus ? "rating model (ALS + SVD++)" : "rating model (ALS)");
            if (options.Ranking && !rankingBeside)
            {
                ranking = ImplicitAls.Fit(matrix, options, Record, cancel);
                Stage("ranking model");
            }
            if (withEase) ease = EaseFit.Fit(matrix, options.EaseItems, options.EaseLambda, threads: 1, cancel);
            neighbourJob?.Work(cancel);
            if (beside is not null) ranking ??= beside.GetAwaiter().GetResult();
        }
        catch when (beside is not null)
        {
            // Nothing keeps running after a failure or a cancellation: stop the other thread and let it end.
            stopBeside.Cancel();
            try { beside.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        var neighbours = neighbourJob?.Model();
        if (neighbours is not null || ease is not null || rankingBeside) Stage(rankingBeside ? RankingBesideStage : BesideStage);

        var snapshot = Assemble(matrix, biases, factors, ranking, options, clock.Elapsed.TotalSeconds, [.. ratingCurve, .. rankingCurve])
            with { Neighbours = neighbours, Ease = ease };
        if (heldOut is not null)
            snapshot = snapshot with
            {
                Facts = snapshot.Facts with
                {
                    HeldOutRmse = heldOut.Rmse(snapshot.PredictByIndex),
                    // What people are shown: the figure /Model, `models inspect` and the retrain gate use.
                    ServedHeldOutRmse = measureServedHeldOut
                        ? ServedHeldOutRmse.Compute(snapshot, ratings, validation!, scale ?? RatingScale.HalfStars, options.EffectiveThreads)
                        : null,
                },
            };
        Stage("assembly and held-out RMSE");
        return snapshot;
    }

    /// <summary>
    /// The stage <c>stageSeconds</c> hears after the factor fits when they ran one after the other:
    /// EASE and what is left of the neighbour fit (with more than one thread the other thread has
    /// fitted part of it meanwhile; on one thread it is their whole time).
    /// </summary>
    public const string BesideStage = "neighbour model and EASE (what is left after the factor fits)";

    /// <summary>The same with the ranking model fitted beside the rating model: what is left of it, EASE and the neighbour fit once the rating model is done.</summary>
    public const string RankingBesideStage = "ranking model, EASE and neighbour model (what is left after the rating model)";

    private static ModelSnapshot Assemble(RatingMatrix matrix, Biases biases, RatingFactors factors, RankingModel? ranking,
        TrainerOptions options, double seconds, IReadOnlyList<IterationReport> curve)
    {
        var q = factors.ItemFactors;
        var norms = new double[q.Rows];
        var counts = new int[q.Rows];
        for (int i = 0; i < q.Rows; i++)
        {
            norms[i] = VectorMath.Norm(q.Row(i));
            counts[i] = matrix.ByItem.RowLength(i);
        }
        var userCounts = new int[matrix.Users.Count];
        for (int u = 0; u < userCounts.Length; u++) userCounts[u] = matrix.ByUser.RowLength(u);

        var snapshot = new ModelSnapshot
        {
            Users = matrix.Users,
            Items = matrix.Items,
            Mu = biases.Mu,
            UserBias = biases.User,
            ItemBias = biases.Item,
            UserFactors = factors.UserFactors,
            ItemFactors = q,
            ImplicitItemFactors = factors.ImplicitItemFactors,
            Ranking = ranking,
            ItemNorms = norms,
            ItemRatingCounts = counts,
            UserRatingCounts = userCounts,
            Options = options,
            Facts = new TrainingFacts
            {
                RatingCount = matrix.Count,
                UserCount = matrix.Users.Count,
                MovieCount = matrix.Items.Count,
                TrainedAt = DateTimeOffset.UtcNow,
                DataFingerprint = matrix.Fingerprint,
                TrainSeconds = seconds,
                Curve = curve,
            },
        };
        return snapshot;
    }
}
