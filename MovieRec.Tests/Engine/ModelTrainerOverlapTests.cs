using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Ease;
using MovieRec.Core.Engine.Neighbourhood;

namespace MovieRec.Tests.Engine;

/// <summary>
/// The trainer fits EASE and the neighbour model beside the factor fits, sharing the neighbour
/// fit's movies between two threads: the parts must be exactly what each fit gives on its own.
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
