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
/// (implicit ALS) when enabled, and beside those two (on a thread of their own when more than one
/// thread is allowed) EASE on the most-rated movies and the item-neighbourhood term of the
/// predicted rating when enabled; then
/// the lookup tables scoring needs. <c>stageSeconds</c> hears each stage's wall time as it ends
/// (bench train prints them).
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

        var curve = new List<IterationReport>();
        void Record(IterationReport line)
        {
            curve.Add(line);
            report?.Invoke(line);
        }

        // EASE reads only the rating matrix, and the neighbour fit only the matrix and the biases, so
        // with more than one thread they run beside the factor fits, whose passes between parallel
        // loops leave a core idle: a thread of their own fits EASE and then joins the neighbour fit,
        // which this thread joins once the factor fits are done. Every result is the same whichever
        // thread computes it (fixed summation orders), so the model does not depend on how the work
        // was shared. With one thread (Threads = 1 promises that) they run after the factor fits.
        bool withEase = options.Ranking && options.EaseItems > 0; // a score beside the ranking model's, weighted relative to it: only with one
        var neighbourJob = options.NeighboursKept > 0 ? new NeighbourFitJob(matrix, biases, options) : null;
        EaseModel? FitEaseThenNeighbours(CancellationToken token)
        {
            var fitted = withEase ? EaseFit.Fit(matrix, options.EaseItems, options.EaseLambda, threads: 1, token) : null;
            neighbourJob?.Work(token);
            return fitted;
        }
        using var stopBeside = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var beside = options.EffectiveThreads > 1 && (withEase || neighbourJob is not null)
            ? Task.Factory.StartNew(() => FitEaseThenNeighbours(stopBeside.Token), stopBeside.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        RatingFactors factors;
        RankingModel? ranking;
        try
        {
            factors = ExplicitAls.Fit(matrix, biases, options, heldOut, Record, cancel);
            Stage(options.SvdPlusPlus ? "rating model (ALS + SVD++)" : "rating model (ALS)");
            ranking = options.Ranking ? ImplicitAls.Fit(matrix, options, Record, cancel) : null;
            if (ranking is not null) Stage("ranking model");
            neighbourJob?.Work(cancel);
        }
        catch when (beside is not null)
        {
            // Nothing keeps running after a failure or a cancellation: stop the other thread and let it end.
            stopBeside.Cancel();
            try { beside.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        // On one thread the neighbour fit is done above; this fits EASE.
        var ease = beside is null ? FitEaseThenNeighbours(cancel) : beside.GetAwaiter().GetResult();
        var neighbours = neighbourJob?.Model();
        if (neighbours is not null || ease is not null) Stage(BesideStage);

        var snapshot = Assemble(matrix, biases, factors, ranking, options, clock.Elapsed.TotalSeconds, curve) with { Neighbours = neighbours, Ease = ease };
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
    /// The stage <c>stageSeconds</c> hears after the factor fits: the neighbour model and EASE, fitted
    /// beside them, take this much more (their share of the idle core is not counted). On one
    /// thread, where they run after the factor fits, it is their whole time.
    /// </summary>
    public const string BesideStage = "neighbour model and EASE (what is left after the factor fits)";

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
