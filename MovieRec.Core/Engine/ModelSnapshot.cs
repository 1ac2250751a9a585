using MovieRec.Core.Engine.Ease;
using MovieRec.Core.Engine.Neighbourhood;

namespace MovieRec.Core.Engine;

/// <summary>
/// A trained model, immutable once built: the web app swaps whole snapshots, never edits one.
///
/// Rating prediction: r_hat(u,i) = Mu + UserBias[u] + ItemBias[i] + UserFactors[u] . ItemFactors[i].
/// With SVD++ the stored user row is already p_u + |R(u)|^-1/2 sum_{j in R(u)} y_j, and
/// <see cref="ImplicitItemFactors"/> holds the y_j for folding in users the model has not seen.
/// A record so that a variant is one `with` expression; its arrays are shared, never copied.
/// </summary>
public sealed record ModelSnapshot
{
    public required IdMap Users { get; init; }
    public required IdMap Items { get; init; }

    public required double Mu { get; init; }
    public required double[] UserBias { get; init; }
    public required double[] ItemBias { get; init; }

    /// <summary>P: one row per user (effective user vector).</summary>
    public required FactorMatrix UserFactors { get; init; }

    /// <summary>Q: one row per item.</summary>
    public required FactorMatrix ItemFactors { get; init; }

    /// <summary>The y_j of SVD++, or null when the model has no SVD++ term.</summary>
    public FactorMatrix? ImplicitItemFactors { get; init; }

    /// <summary>The implicit-feedback ranking model, or null when picks are ordered by predicted rating.</summary>
    public RankingModel? Ranking { get; init; }

    /// <summary>The item-neighbourhood term and the blend weights of the predicted rating, or null for the plain factor model.</summary>
    public NeighbourModel? Neighbours { get; init; }

    /// <summary>EASE on the most-rated movies, a third score of the picks, or null.</summary>
    public EaseModel? Ease { get; init; }

    /// <summary>How the predicted rating combines its parts (the identity without a neighbourhood term).</summary>
    public RatingBlend Blend => Neighbours?.Blend ?? RatingBlend.Identity;

    /// <summary>Euclidean norm of each row of Q, for cosine similarity.</summary>
    public required double[] ItemNorms { get; init; }

    /// <summary>Number of training ratings of each item (popularity, novelty).</summary>
    public required int[] ItemRatingCounts { get; init; }

    /// <summary>Number of training ratings of each user (the weighted ridge of fold-in).</summary>
    public required int[] UserRatingCounts { get; init; }

    public required TrainerOptions Options { get; init; }
    public required TrainingFacts Facts { get; init; }

    public int Rank => ItemFactors.Rank;

    public Biases Biases => new(Mu, UserBias, ItemBias);

    /// <summary>mu + b_u + b_i + w_u . q_i by dense indices (-1 = unknown, its terms dropped), unclipped.</summary>
    public double PredictByIndex(int userIndex, int itemIndex) =>
        RatingPrediction.ByIndex(Biases, UserFactors, ItemFactors, userIndex, itemIndex);

    /// <summary>Throws when the parts do not fit together (lengths, ranks); used after loading.</summary>
    public void Validate()
    {
        int users = Users.Count, items = Items.Count;
        Require(UserBias.Length == users, "user bias length");
        Require(ItemBias.Length == items, "item bias length");
        Require(UserFactors.Rows == users, "user factor rows");
        Require(ItemFactors.Rows == items, "item factor rows");
        Require(UserFactors.Rank == ItemFactors.Rank, "factor ranks");
        Require(ItemNorms.Length == items, "item norms length");
        Require(ItemRatingCounts.Length == items, "item counts length");
        Require(UserRatingCounts.Length == users, "user counts length");
        if (ImplicitItemFactors is { } y)
            Require(y.Rows == items && y.Rank == Rank, "SVD++ factor shape");
        if (Ranking is { } r)
        {
            Require(r.UserFactors.Rows == users && r.ItemFactors.Rows == items, "ranking factor rows");
            Require(r.UserFactors.Rank == r.ItemFactors.Rank, "ranking factor ranks");
            Require(r.ItemGram.Length == r.Rank * r.Rank, "ranking gram size");
        }
        if (Neighbours is { } nb)
            Require((long)nb.PerItem * items == nb.Neighbours.Length && nb.Neighbours.Length == nb.Similarities.Length, "neighbour lists");
        if (Ease is { } ease)
            Require((long)ease.Count * ease.Count == ease.Weights.Length && ease.Count <= items, "EASE weights");
    }

    /// <summary>
    /// Throws, naming the part, when a number serving reads is not finite or out of range: a NaN
    /// bias or factor would otherwise load and then turn every prediction into NaN. Used after loading.
    /// </summary>
    public void ValidateValues()
    {
        RequireFinite([Mu], "mu");
        RequireFinite(UserBias, "user bias");
        RequireFinite(ItemBias, "item bias");
        RequireFinite(UserFactors.Data, "user factors P");
        RequireFinite(ItemFactors.Data, "item factors Q");
        if (ImplicitItemFactors is { } y) RequireFinite(y.Data, "SVD++ factors Y");
        RequireFinite(ItemNorms, "item norms");
        if (Array.FindIndex(ItemRatingCounts, count => count < 0) is var item and >= 0)
            throw new InvalidDataException($"item rating counts: entry {item} is negative ({ItemRatingCounts[item]})");
        if (Array.FindIndex(UserRatingCounts, count => count < 0) is var user and >= 0)
            throw new InvalidDataException($"user rating counts: entry {user} is negative ({UserRatingCounts[user]})");
        if (Ranking is { } r)
        {
            RequireFinite(r.UserFactors.Data, "ranking user factors X");
            RequireFinite(r.ItemFactors.Data, "ranking item factors Y");
            RequireFinite(r.ItemGram, "ranking item gram");
            if (!(double.IsFinite(r.Lambda) && r.Lambda > 0)) throw new InvalidDataException($"ranking lambda must be a positive number (got {r.Lambda})");
            if (!(double.IsFinite(r.Alpha) && r.Alpha >= 0)) throw new InvalidDataException($"ranking alpha must be zero or more (got {r.Alpha})");
        }
        if (Neighbours?.FindProblem(Items.Count) is { } problem) throw new InvalidDataException($"neighbourhood: {problem}");
        if (Ease?.FindProblem(Items.Count) is { } easeProblem) throw new InvalidDataException(easeProblem);
    }

    private static void RequireFinite(ReadOnlySpan<double> values, string what)
    {
        for (int n = 0; n < values.Length; n++)
            if (!double.IsFinite(values[n]))
                throw new InvalidDataException($"{what}: entry {n} is {values[n]}, not a finite number");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition) throw new InvalidDataException($"model parts do not fit together: {what}");
    }
}
