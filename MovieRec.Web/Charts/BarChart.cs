namespace MovieRec.Web.Charts;

/// <summary>One bar: its label, its length and a note printed after it (the rating count, say).</summary>
public sealed record BarChartItem(string Label, double Value, string Note);

/// <summary>
/// A horizontal bar chart drawn as inline SVG on the server, so it shows with no script and no
/// network. The bars start at <see cref="Minimum"/> (ratings start at 0.5, not 0) and end at <see cref="Maximum"/>.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<BarChartItem> Items, double Minimum, double Maximum)
{
    public const double Width = 640;
    public const double LabelWidth = 250;
    public const double BarAreaWidth = 280;
    public const double RowHeight = 26;

    public double Height => Items.Count * RowHeight + 8;

    /// <summary>The bar's length in SVG units, never negative, never past the area.</summary>
    public double BarLength(BarChartItem item)
    {
        double span = Maximum - Minimum;
        if (span <= 0) return 0;
        return Math.Clamp((item.Value - Minimum) / span, 0, 1) * BarAreaWidth;
    }

    public double RowTop(int index) => index * RowHeight + 4;

    /// <summary>Long titles are shortened so that the labels stay in their column; the full title is in the SVG title element.</summary>
    public static string ShortLabel(string label) => MovieRec.Core.Text.SafeText.Truncate(label, 34);
}
