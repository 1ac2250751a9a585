namespace MovieRec.Core.Recommending;

/// <summary>
/// The "familiar or new" setting a person steers their picks with: five steps from 1 (familiar:
/// well-known movies lifted) to 5 (new: well-known movies pushed down), applied by
/// <see cref="FamiliarNewReranker"/>. The one owner of the steps, their names and their weights.
/// </summary>
public static class FamiliarNew
{
    public const int MostFamiliar = 1;
    public const int MostNew = 5;

    /// <summary>
    /// The step people get until they choose: the middle step, which serves the recommender's own
    /// order. `evaluate --familiar-new` measured every step on the shared split (docs/BENCHMARKS.md)
    /// and this one stays within 3 % of the best NDCG@10.
    /// </summary>
    public const int DefaultStep = 3;

    /// <summary>
    /// The popularity weight of each step (index step - 1): how many standard deviations of the
    /// pick score one standard deviation of log popularity is worth, both over the person's
    /// candidates (<see cref="FamiliarNewReranker"/>). Negative lifts popular movies.
    /// </summary>
    private static readonly double[] PopularityWeights = [-0.4, -0.15, 0, 0.35, 0.9];

    private static readonly string[] Names = ["Most familiar", "Familiar", "Balanced", "New", "Most new"];

    public static IReadOnlyList<int> Steps { get; } = Enumerable.Range(MostFamiliar, MostNew - MostFamiliar + 1).ToList();

    public static bool IsStep(int step) => step is >= MostFamiliar and <= MostNew;

    /// <summary>The step's popularity weight; an out-of-range step is clamped (the store and API refuse them before this).</summary>
    public static double PopularityWeight(int step) => PopularityWeights[Math.Clamp(step, MostFamiliar, MostNew) - 1];

    public static string Name(int step) => Names[Math.Clamp(step, MostFamiliar, MostNew) - 1];

    /// <summary>Why an input is not a step, or null when it is one.</summary>
    public static string? Problem(int step) =>
        IsStep(step) ? null : $"The familiar/new step must be a whole number from {MostFamiliar} (familiar) to {MostNew} (new), not {step}.";
}
