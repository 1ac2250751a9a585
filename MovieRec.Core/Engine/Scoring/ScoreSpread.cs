namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// The standard deviation, over every movie, of a linear score v . r_i of the movie's row r_i:
/// sqrt(v^T C v) with C the covariance of the rows, computed once per model so that a query
/// pays O(d^2) instead of a pass over the catalogue. The pick score blends two scores on
/// different scales (the ranking model's x_u . y_i and the predicted rating); dividing each by
/// its spread for that person puts them on one scale before they are weighted, which is what
/// "scores scaled" meant in ../shared/MODELS.md, and it scored better on the validation slice
/// than one fixed weight for everybody (docs/BENCHMARKS.md).
/// </summary>
public sealed class ScoreSpread
{
    private readonly double[] _covariance;

    /// <summary>From columns [<paramref name="offset"/>, offset + <paramref name="length"/>) of row-major rows of <paramref name="width"/>.</summary>
    public ScoreSpread(ReadOnlySpan<float> rows, int width, int offset, int length)
    {
        Dimension = length;
        int count = width == 0 ? 0 : rows.Length / width;
        var mean = new double[length];
        var second = new double[length * length];
        var row = new double[length];
        for (int i = 0; i < count; i++)
        {
            var source = rows.Slice(i * width + offset, length);
            for (int a = 0; a < length; a++) row[a] = source[a];
            for (int a = 0; a < length; a++)
            {
                mean[a] += row[a];
                double ra = row[a];
                var target = second.AsSpan(a * length, a + 1); // lower triangle only
                for (int b = 0; b <= a; b++) target[b] += ra * row[b];
            }
        }
        _covariance = new double[length * length];
        if (count == 0) return;
        for (int a = 0; a < length; a++) mean[a] /= count;
        for (int a = 0; a < length; a++)
            for (int b = 0; b <= a; b++)
                _covariance[a * length + b] = _covariance[b * length + a] = second[a * length + b] / count - mean[a] * mean[b];
    }

    public int Dimension { get; }

    /// <summary>sqrt(v^T C v): the standard deviation over movies of v . r_i (0 for a zero v).</summary>
    public double Of(ReadOnlySpan<double> v)
    {
        if (v.Length != Dimension) throw new ArgumentException($"a spread of dimension {Dimension} needs a vector of that length");
        double sum = 0;
        for (int a = 0; a < Dimension; a++)
        {
            double inner = 0;
            var row = _covariance.AsSpan(a * Dimension, Dimension);
            for (int b = 0; b < Dimension; b++) inner += row[b] * v[b];
            sum += v[a] * inner;
        }
        return Math.Sqrt(Math.Max(0, sum));
    }
}
