using System.Text.Json;
using MovieRec.Core.Evaluation;

namespace MovieRec.Tests.Evaluation;

public class EvaluationReportTests
{
    private static readonly string[] FigureKeys =
    [
        "rmse", "mae", "precision_at_10", "recall_at_10", "ndcg_at_10", "hit_rate_at_10", "coverage",
        "novelty", "diversity", "mean_train_count", "train_seconds", "topn_seconds",
    ];

    private static EvaluationReport SampleReport() => new(
        Model: new EvaluationResult
        {
            Model = "als", Rmse = 0.845, Mae = 0.65, PrecisionAt10 = 0.2, RecallAt10 = 0.1, NdcgAt10 = 0.279,
            HitRateAt10 = 0.8, Coverage = 0.053, Novelty = 4.5, Diversity = 0.7, MeanTrainCount = 135,
            TrainSeconds = 2.9, TopNSeconds = 0.5,
        },
        BiasOnly: new EvaluationResult { Model = "bias only", Rmse = 0.862, Mae = 0.66, NdcgAt10 = 0.05, TopNSeconds = 0.1 },
        MostPopular: new EvaluationResult { Model = "most popular", NdcgAt10 = 0.159, Coverage = 0.005, MeanTrainCount = 197, TopNSeconds = 0.1 });

    [Fact]
    public void Json_has_the_three_systems_with_every_key_in_order()
    {
        using JsonDocument json = JsonDocument.Parse(SampleReport().ToJson());

        Assert.Equal(["model", "bias_only", "most_popular"], json.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (JsonProperty system in json.RootElement.EnumerateObject())
            Assert.Equal(FigureKeys, system.Value.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Json_writes_figures_that_do_not_apply_as_null()
    {
        using JsonDocument json = JsonDocument.Parse(SampleReport().ToJson());
        JsonElement mostPopular = json.RootElement.GetProperty("most_popular");

        Assert.Equal(JsonValueKind.Null, mostPopular.GetProperty("rmse").ValueKind);
        Assert.Equal(JsonValueKind.Null, mostPopular.GetProperty("mae").ValueKind);
        Assert.Equal(JsonValueKind.Null, mostPopular.GetProperty("train_seconds").ValueKind);
        Assert.Equal(0.159, mostPopular.GetProperty("ndcg_at_10").GetDouble());
        Assert.Equal(197, mostPopular.GetProperty("mean_train_count").GetDouble());
        Assert.Equal(0.845, json.RootElement.GetProperty("model").GetProperty("rmse").GetDouble());
        Assert.Equal(2.9, json.RootElement.GetProperty("model").GetProperty("train_seconds").GetDouble());
    }

    [Fact]
    public void Json_refuses_a_figure_it_cannot_represent()
    {
        EvaluationReport report = SampleReport();
        report = report with { Model = report.Model with { Rmse = double.NaN } };
        Assert.Throws<InvalidOperationException>(() => report.ToJson());
    }

    [Fact]
    public void Table_has_a_row_per_figure_aligned_columns_and_dashes_for_null()
    {
        string[] lines = SampleReport().ToTable().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(13, lines.Length); // header + 12 figures
        Assert.All(lines, line => Assert.Equal(lines[0].Length, line.Length));
        Assert.EndsWith("model  bias only  most popular", lines[0]);

        string rmse = lines.Single(line => line.StartsWith("RMSE "));
        Assert.Equal(["RMSE", "0.8450", "0.8620", "—"], rmse.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string meanTrainCount = lines.Single(line => line.StartsWith("Mean train count"));
        Assert.EndsWith("135.0  —  197.0", string.Join("  ", meanTrainCount.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }
}
