using System.Globalization;
using System.Text;
using MovieRec.Core.Recommending;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// The familiar/new trade-off measured: the served path at every <see cref="FamiliarNew"/> step on
/// one split, with NDCG@10, coverage, novelty and mean train count side by side (`evaluate
/// --familiar-new`), and whether the default step keeps NDCG@10 within <see cref="AllowedNdcgLoss"/> of the best.
/// </summary>
public sealed record FamiliarNewReport(IReadOnlyList<(int Step, EvaluationResult Result)> Steps)
{
    /// <summary>How much NDCG@10 the default step may give up against the best step (EVALUATION.md's trade-off rule for this setting).</summary>
    public const double AllowedNdcgLoss = 0.03;

    /// <summary>Evaluates the served recommender at each step.</summary>
    public static FamiliarNewReport Measure(ServedRecommender served, EvaluationData data, int threads, Action<int>? stepDone = null)
    {
        var steps = new List<(int, EvaluationResult)>();
        foreach (int step in FamiliarNew.Steps)
        {
            steps.Add((step, Evaluator.Evaluate(data, new ServedPathModel(served, data, $"step {step}", step), threads)));
            stepDone?.Invoke(step);
        }
        return new FamiliarNewReport(steps);
    }

    public double BestNdcg => Steps.Max(s => s.Result.NdcgAt10 ?? 0);

    public double DefaultNdcg => Steps.Single(s => s.Step == FamiliarNew.DefaultStep).Result.NdcgAt10 ?? 0;

    /// <summary>True when the default step's NDCG@10 is at least (1 - <see cref="AllowedNdcgLoss"/>) of the best step's.</summary>
    public bool DefaultKeepsNdcg => DefaultNdcg >= (1 - AllowedNdcgLoss) * BestNdcg;

    public string ToTable()
    {
        var table = new StringBuilder();
        table.AppendLine("familiar/new step        NDCG@10  coverage  novelty  mean train count");
        foreach (var (step, result) in Steps)
        {
            string name = $"{step} {FamiliarNew.Name(step)}{(step == FamiliarNew.DefaultStep ? " (default)" : "")}";
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22}  {result.NdcgAt10,7:0.0000}  {result.Coverage,8:0.0000}  {result.Novelty,7:0.000}  {result.MeanTrainCount,16:0.0}"));
        }
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"default step NDCG@10 is {DefaultNdcg / BestNdcg:0.0%} of the best step's ({(DefaultKeepsNdcg ? "within" : "NOT within")} {AllowedNdcgLoss:0%})"));
        return table.ToString();
    }
}
