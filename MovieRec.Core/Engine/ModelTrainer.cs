using System.Diagnostics;
using MovieRec.Core.Engine.Ease;
using MovieRec.Core.Engine.Neighbourhood;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Engine;

/// <summary>
/// Fits everything a model holds, in order: the rating matrix, the biases (by shrinkage, then
/// fixed), the factors of the rating model on the residual (ALS, optionally with SVD++), the
/// ranking model (implicit ALS) when enabled, the item-neighbourhood term of the predicted rating
/// when enabled, EASE on the most-rated movies when enabled, and the lookup tables scoring needs.
/// <c>stageSeconds</c> hears each stage's wall time as it ends (bench train prints them).
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

        var factors = ExplicitAls.Fit(matrix, biases, options, heldOut, Record, cancel);
        Stage(options.SvdPlusPlus ? "rating model (ALS + SVD++)" : "rating model (ALS)");
        var ranking = options.Ranking ? ImplicitAls.Fit(matrix, options, Record, cancel) : null;
        if (ranking is not null) Stage("ranking model");
        var neighbours = options.NeighboursKept > 0 ? NeighbourFit.Fit(matrix, biases, options, cancel) : null;
        if (neighbours is not null) Stage("neighbour model");
        // A score of the picks beside the ranking model's, weighted relative to it: only with one.
        var ease = ranking is not null && options.EaseItems > 0 ? EaseFit.Fit(matrix, options.EaseItems, options.EaseLambda, options.EffectiveThreads, cancel) : null;
        if (ease is not null) Stage("EASE");

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
