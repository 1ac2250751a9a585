namespace MovieRec.Core.Engine.Ease;

/// <summary>
/// EASE (Steck 2019, "Embarrassingly shallow autoencoders") on the <see cref="Count"/> most-rated
/// movies: a third score of the picks, beside the ranking model and the predicted rating. For a
/// person who rated the set R, movie i of the set scores
///   e_i = sum_{j in R, j in the set} B_ji,   B = I - P diag(1 / P_jj),  P = (X^T X + lambda I)^-1
/// over the binary "rated or not" matrix X restricted to the set (B_jj = 0); movies outside the
/// set score 0. Restricted because B is dense: N x N single-precision weights (N = 500: 1 MB)
/// whatever the catalogue, where all 87,585 movies of MovieLens 32M would need 31 GB.
/// <see cref="Items"/> holds the set's dense item indices (position a of B is Items[a]);
/// <see cref="Weights"/> is B row-major: row j is what rating j adds to every movie of the set.
/// </summary>
public sealed class EaseModel
{
    private readonly int[] _positionOf;

    public EaseModel(int[] items, float[] weights, int catalogueSize) : this(items, weights, catalogueSize, checkShape: true) { }

    internal EaseModel(int[] items, float[] weights, int catalogueSize, bool checkShape)
    {
        if (checkShape && (long)items.Length * items.Length != weights.Length) throw new ArgumentException("EASE weights must be N x N for N movies");
        Items = items;
        Weights = weights;
        _positionOf = new int[catalogueSize];
        Array.Fill(_positionOf, -1);
        for (int a = 0; a < items.Length; a++)
            if (items[a] >= 0 && items[a] < catalogueSize) _positionOf[items[a]] = a;
    }

    /// <summary>The movies of the set, as dense item indices, most rated first.</summary>
    public int[] Items { get; }

    /// <summary>B, row-major, N x N.</summary>
    public float[] Weights { get; }

    public int Count => Items.Length;

    /// <summary>Position of a dense item index in the set, or -1.</summary>
    public int PositionOf(int item) => item >= 0 && item < _positionOf.Length ? _positionOf[item] : -1;

    /// <summary>e over the set (position order) for a person who rated <paramref name="ratedItems"/> (dense indices, any order, no repeats).</summary>
    public float[] Scores(ReadOnlySpan<int> ratedItems)
    {
        var scores = new float[Count];
        foreach (int item in ratedItems)
        {
            int j = PositionOf(item);
            if (j < 0) continue;
            var row = Weights.AsSpan(j * Count, Count);
            Numerics.VectorMath.Add(scores, row);
        }
        return scores;
    }

    /// <summary>
    /// The standard deviation of e over the whole catalogue of <paramref name="catalogueSize"/> movies
    /// (0 outside the set): what divides e before it is weighted into the pick score, as the other
    /// two scores are divided by theirs (Scoring/ScoreSpread).
    /// </summary>
    public static double Spread(ReadOnlySpan<float> scores, int catalogueSize)
    {
        if (catalogueSize == 0) return 0;
        double sum = 0, squares = 0;
        foreach (float s in scores)
        {
            sum += s;
            squares += (double)s * s;
        }
        double mean = sum / catalogueSize;
        return Math.Sqrt(Math.Max(0, squares / catalogueSize - mean * mean));
    }

    /// <summary>Why the parts cannot serve a catalogue of <paramref name="items"/> movies, or null (names the field).</summary>
    public string? FindProblem(int items)
    {
        if (Count > items) return $"EASE movies: {Count} listed, more than the model's {items}";
        var seen = new HashSet<int>();
        for (int a = 0; a < Count; a++)
        {
            if (Items[a] < 0 || Items[a] >= items) return $"EASE movies: entry {a} is {Items[a]}, not a movie of the model";
            if (!seen.Add(Items[a])) return $"EASE movies: entry {a} repeats movie {Items[a]}";
        }
        for (int n = 0; n < Weights.Length; n++)
            if (!float.IsFinite(Weights[n])) return $"EASE weights: entry {n} is {Weights[n]}, not a finite number";
        return null;
    }
}
