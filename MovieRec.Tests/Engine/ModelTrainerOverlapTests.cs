using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Ease;
using MovieRec.Core.Engine.Neighbourhood;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The trainer fits the ranking model beside the rating model, EASE and the neighbour model beside
/// them, sharing the neighbour fit's movies between two threads: the parts must be exactly what
/// each fit gives on its own, and the model the one trained on one thread.
/// </summary>
public class ModelTrainerOverlapTests
{
    private static readonly TrainerOptions Small = new()
    {
        Rank = 4, Iterations = 2, RankingRank = 5, RankingIterations = 2, EaseItems = 30, EaseLambda = 5, NeighboursKept = 7, NeighboursUsed = 3,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Neighbours_and_EASE_fitted_beside_the_factors_are_those_of_the_fits_alone(int threads)
    {
        var ratings = RandomRatingSets.LowerIdsRatedMore(seed: 11, users: 80, items: 70, density: 0.3);
        var options = Small with { Threads = threads };

        var model = ModelTrainer.Train(ratings, options);

        var matrix = RatingMatrix.Build(ratings);
        var biases = BiasEstimator.Estimate(matrix, options.BiasMode, options.ItemBiasShrinkage, options.UserBiasShrinkage);
        var neighbours = NeighbourFit.Fit(matrix, biases, options with { Threads = 1 });
        var ease = EaseFit.Fit(matrix, options.EaseItems, options.EaseLambda, threads: 1);
        Assert.Equal(neighbours.Neighbours, model.Neighbours!.Neighbours);
        Assert.Equal(neighbours.Similarities, model.Neighbours.Similarities);
        Assert.Equal(ease.Items, model.Ease!.Items);
        Assert.Equal(ease.Weights, model.Ease.Weights);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_factor_models_fitted_side_by_side_are_those_trained_on_one_thread(int threads)
    {
        var ratings = RandomRatingSets.LowerIdsRatedMore(seed: 12, users: 90, items: 80, density: 0.3);
        var alone = ModelTrainer.Train(ratings, Small with { Threads = 1 });

        var shared = ModelTrainer.Train(ratings, Small with { Threads = threads });

        Assert.Equal(alone.UserFactors.Data, shared.UserFactors.Data);
        Assert.Equal(alone.ItemFactors.Data, shared.ItemFactors.Data);
        Assert.Equal(alone.ImplicitItemFactors!.Data, shared.ImplicitItemFactors!.Data);
        Assert.Equal(alone.Ranking!.UserFactors.Data, shared.Ranking!.UserFactors.Data);
        Assert.Equal(alone.Ranking.ItemFactors.Data, shared.Ranking.ItemFactors.Data);
        // The curve in the same order however the fits' reports interleaved: the rating model's iterations, then the ranking model's.
        Assert.Equal(alone.Facts.Curve.Select(line => (line.Model, line.Iteration, line.TrainRmse)),
            shared.Facts.Curve.Select(line => (line.Model, line.Iteration, line.TrainRmse)));
    }

    [Fact]
    public void A_neighbour_fit_shared_by_several_threads_is_the_fit_on_one()
    {
        var ratings = RandomRatingSets.Uniform(seed: 5, users: 60, items: 300, density: 0.2);
        var matrix = RatingMatrix.Build(ratings);
        var biases = BiasEstimator.Estimate(matrix, Small.BiasMode, Small.ItemBiasShrinkage, Small.UserBiasShrinkage);
        var alone = NeighbourFit.Fit(matrix, biases, Small with { Threads = 1 });

        var job = new NeighbourFitJob(matrix, biases, Small);
        using var go = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(() => { go.Wait(); job.Work(); }, TaskCreationOptions.LongRunning)).ToArray();
        go.Set();
        Task.WaitAll(workers);
        var shared = job.Model();

        Assert.Equal(alone.Neighbours, shared.Neighbours);
        Assert.Equal(alone.Similarities, shared.Similarities);
    }

    [Fact]
    public void A_cancelled_training_stops_with_the_cancellation()
    {
        var ratings = RandomRatingSets.Uniform(seed: 5, users: 60, items: 300, density: 0.2);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var error = Record.Exception(() => ModelTrainer.Train(ratings, Small with { Threads = 2 }, cancel: cancel.Token));

        Assert.True(error is OperationCanceledException || error is AggregateException { InnerException: OperationCanceledException },
            $"expected a cancellation, got {error?.GetType().Name ?? "none"}");
    }
}
