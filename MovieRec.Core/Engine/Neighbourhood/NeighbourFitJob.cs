using System.Runtime.CompilerServices;
namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// The movies of one <see cref="NeighbourFit"/>, shared out to whichever threads call
/// <see cref="Work"/>: each call takes chunks of movies until none is left, so a thread can join
/// part-way through (the trainer's second thread after the ranking model, its first after the
/// rating model and EASE).
/// A movie's neighbours are the same whichever thread computes them, so the model does not depend
/// on how many threads joined or when.
/// </summary>
public sealed class NeighbourFitJob
{
    /// <summary>Movies taken at a time: small, because a few popular movies hold most of the work.</summary>
    private const int Chunk = 16;

    private readonly CsrRows _byUser;
    private readonly CsrRows _byItem;
    private readonly float[] _userResiduals;
    private readonly float[] _itemResiduals;
    private readonly double[] _norms;
    private readonly double _shrinkage;
    private readonly int _items;
    private readonly int _perItem;
    private readonly int[] _neighbours;
    private readonly float[] _similarities;
    private readonly TrainerOptions _options;
    private int _next;

    public NeighbourFitJob(RatingMatrix ratings, Biases biases, TrainerOptions options)
    {
        _options = options;
        _items = ratings.Items.Count;
        _perItem = Math.Min(options.NeighboursKept, Math.Max(0, _items - 1));
        _byUser = ratings.ByUser;
        _byItem = ratings.ByItem;
        _userResiduals = BiasEstimator.Residuals(_byUser, biases, rowsAreUsers: true);
        _itemResiduals = BiasEstimator.Residuals(_byItem, biases, rowsAreUsers: false);
        _norms = new double[_items];
        for (int i = 0; i < _items; i++)
        {
            double sum = 0;
            for (int n = _byItem.Offsets[i]; n < _byItem.Offsets[i + 1]; n++) sum += (double)_itemResiduals[n] * _itemResiduals[n];
            _norms[i] = Math.Sqrt(sum);
        }
        _shrinkage = options.NeighbourShrinkage;
        _neighbours = new int[(long)_items * _perItem];
        _similarities = new float[_neighbours.Length];
    }

    /// <summary>Fits movies on the calling thread until every movie is taken; any number of threads may call it at once.</summary>
    public void Work(CancellationToken cancel = default)
    {
        NeighbourFit.Scratch? scratch = null;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            int start = Interlocked.Add(ref _next, Chunk) - Chunk;
            if (start >= _items) return;
            scratch ??= new NeighbourFit.Scratch(_items);
            for (int i = start; i < Math.Min(start + Chunk, _items); i++) FitMovie(i, scratch);
        }
    }

    /// <summary>Runs <see cref="Work"/> on <paramref name="threads"/> threads, the calling one among them, until the fit is done.</summary>
    public void RunOn(int threads, CancellationToken cancel = default)
    {
        if (threads <= 1) Work(cancel);
        else Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Work(cancel));
    }

    /// <summary>The fitted model: read it once every <see cref="Work"/> call has returned.</summary>
    public NeighbourModel Model()
    {
        var blend = new RatingBlend(_options.BlendIntercept, _options.BlendBaseline, _options.BlendFactors, _options.BlendNeighbours);
        return new NeighbourModel(_perItem, _options.NeighboursUsed, _options.NeighbourDamping, _neighbours, _similarities, blend);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FitMovie(int i, NeighbourFit.Scratch scratch)
    {
        var raters = _byItem.Columns(i);
        NeighbourFit.Accumulate(raters, _itemResiduals.AsSpan(_byItem.Offsets[i], raters.Length), _byUser, _userResiduals, scratch.Counts, scratch.Sums);
        int candidates = NeighbourFit.Candidates(i, _norms, _shrinkage, scratch);
        var row = _neighbours.AsSpan(i * _perItem, _perItem);
        var rowSimilarities = _similarities.AsSpan(i * _perItem, _perItem);
        int kept = BestNeighbours.SelectInto(scratch.Keys.AsSpan(0, candidates), row, rowSimilarities);
        // The best `kept` are written; the rest of the row is padding.
        row[kept..].Fill(-1);
        rowSimilarities[kept..].Clear();
    }
}
