using System.Collections;
using MovieRec.Web.Charts;

namespace MovieRec.Tests.Web;

/// <summary>The training curve is drawn in one pass over its points (it used to rescan all of them for every point).</summary>
public sealed class LineChartTests
{
    [Fact]
    public void Drawing_reads_each_point_a_fixed_number_of_times_whatever_the_count()
    {
        var points = new CountingPoints(Enumerable.Range(0, 3_000).Select(i => ((double)i, 1.0 / (i + 1))).ToList());
        var chart = new LineChart("curve", "iteration", "RMSE", [new LineSeries("train", points, "stroke-sky-600")]);

        string polyline = chart.Polyline(chart.Series[0]);
        _ = (chart.MinX, chart.MaxX, chart.MinY, chart.MaxY, chart.IsEmpty);

        Assert.Equal(3_000, polyline.Split(' ').Length);
        Assert.StartsWith("60,16 ", polyline); // the first point: left edge, top (the largest value)
        Assert.True(points.Reads <= 3 * 3_000, $"{points.Reads} point reads to draw 3,000 points");
    }

    [Fact]
    public void An_empty_chart_says_so()
    {
        var chart = new LineChart("curve", "x", "y", [new LineSeries("none", [], "stroke-sky-600")]);
        Assert.True(chart.IsEmpty);
    }

    /// <summary>A list that counts how many elements are read through it.</summary>
    private sealed class CountingPoints(List<(double X, double Y)> inner) : IReadOnlyList<(double X, double Y)>
    {
        public int Reads { get; private set; }

        public (double X, double Y) this[int index]
        {
            get { Reads++; return inner[index]; }
        }

        public int Count => inner.Count;

        public IEnumerator<(double X, double Y)> GetEnumerator()
        {
            foreach (var point in inner)
            {
                Reads++;
                yield return point;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
