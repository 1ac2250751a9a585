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

    private IEnumerable<(double X, double Y)> All => Series.SelectMany(s => s.Points);

    public bool IsEmpty => !All.Any();
    public double MinX => All.Min(p => p.X);
    public double MaxX => All.Max(p => p.X);
    public double MinY => All.Min(p => p.Y);
    public double MaxY => All.Max(p => p.Y);

    /// <summary>The SVG "points" attribute of a series, in invariant culture (a comma decimal would break it).</summary>
    public string Polyline(LineSeries series) =>
        string.Join(" ", series.Points.Select(p => $"{Format(ScaleX(p.X))},{Format(ScaleY(p.Y))}"));

    public double ScaleX(double x) => Left + Fraction(x, MinX, MaxX) * (Width - Left - Right);

    public double ScaleY(double y) => Height - Bottom - Fraction(y, MinY, MaxY) * (Height - Top - Bottom);

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double Fraction(double value, double min, double max) => max > min ? (value - min) / (max - min) : 0.5;
}
