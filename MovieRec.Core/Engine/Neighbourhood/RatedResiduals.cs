namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// What a person's ratings say beyond the biases: e_uj = r_uj - mu - b_u - b_j for every movie j
/// they rated, by dense item index ascending (so that a neighbour is found by binary search).
/// Computed at fold-in; the neighbourhood term of the predicted rating averages these.
/// </summary>
public sealed record RatedResiduals(int[] Items, float[] Residuals)
{
    /// <summary>The residual of item j, or NaN when the person did not rate it.</summary>
    public float Of(int item)
    {
        int at = Array.BinarySearch(Items, item);
        return at >= 0 ? Residuals[at] : float.NaN;
    }
}
