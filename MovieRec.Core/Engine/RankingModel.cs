namespace MovieRec.Core.Engine;

/// <summary>
/// The implicit-feedback model of what people choose to rate: preference p_ui = 1 where u rated i,
/// confidence c_ui = 1 + alpha * r_ui^p (p from the options). Scores x_u . y_i order the personal picks.
/// <see cref="ItemGram"/> is Y^T Y (rank x rank, row-major), kept so that fold-in of a new user
/// is one solve.
/// </summary>
public sealed record RankingModel(
    FactorMatrix UserFactors,
    FactorMatrix ItemFactors,
    double[] ItemGram,
    double Lambda,
    double Alpha)
{
    public int Rank => ItemFactors.Rank;
}
