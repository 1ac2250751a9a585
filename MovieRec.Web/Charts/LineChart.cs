using System.Globalization;

namespace MovieRec.Web.Charts;

/// <summary>A named series of (x, y) points, drawn as one polyline.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<(double X, double Y)> Points, string ColorClass);

/// <summary>
/// A line chart as inline SVG: one polyline per series over shared axes scaled to the data, with
/// the extremes written on the axes. Drawn on the server, like <see cref="BarChart"/>.
/// </summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<LineSeries> Series)
{
    public const double Width = 640;
    public const double Height = 260;
    public const double Left = 60;
    public const double Right = 20;
    public const double Top = 16;
    public const double Bottom = 40;

    // The extremes are found once, in one pass over every point: scaling a point reads them, and
    // recomputing them per point made drawing N points cost N^2 (3.7 s for 3,000 points).
    private Bounds? _bounds;
    private Bounds Extremes => _bounds ??= Bounds.Of(Series);

    public bool IsEmpty => Extremes.Count == 0;
    public double MinX => Extremes.MinX;
    public double MaxX => Extremes.MaxX;
    public double MinY => Extremes.MinY;
    public double MaxY => Extremes.MaxY;

    /// <summary>The SVG "points" attribute of a series, in invariant culture (a comma decimal would break it).</summary>
    public string Polyline(LineSeries series)
    {
        var text = new System.Text.StringBuilder(series.Points.Count * 12);
        foreach (var (x, y) in series.Points)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(Format(ScaleX(x))).Append(',').Append(Format(ScaleY(y)));
        }
        return text.ToString();
    }

    public double ScaleX(double x) => Left + Fraction(x, MinX, MaxX) * (Width - Left - Right);

    public double ScaleY(double y) => Height - Bottom - Fraction(y, MinY, MaxY) * (Height - Top - Bottom);

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double Fraction(double value, double min, double max) => max > min ? (value - min) / (max - min) : 0.5;

    private sealed record Bounds(int Count, double MinX, double MaxX, double MinY, double MaxY)
    {
        public static Bounds Of(IReadOnlyList<LineSeries> series)
        {
            int count = 0;
            double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
            foreach (var line in series)
                foreach (var (x, y) in line.Points)
                {
                    count++;
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                }
            // Like Enumerable.Min on an empty sequence, asking an empty chart for its extremes is a bug.
            return count == 0 ? new Bounds(0, double.NaN, double.NaN, double.NaN, double.NaN) : new Bounds(count, minX, maxX, minY, maxY);
        }
    }
}
