namespace MovieRec.Core.Engine;

/// <summary>Seeded random starting factors: normal(0, scale^2) entries, drawn in a fixed order.</summary>
internal static class FactorInitializer
{
    public static FactorMatrix Normal(int rows, int rank, double scale, int seed)
    {
        var matrix = new FactorMatrix(rows, rank);
        var random = new Random(seed);
        var data = matrix.Data;
        for (int n = 0; n < data.Length; n += 2)
        {
            // Box-Muller: two independent normals from two uniforms.
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1)) * scale;
            data[n] = radius * Math.Cos(2 * Math.PI * u2);
            if (n + 1 < data.Length) data[n + 1] = radius * Math.Sin(2 * Math.PI * u2);
        }
        return matrix;
    }
}
