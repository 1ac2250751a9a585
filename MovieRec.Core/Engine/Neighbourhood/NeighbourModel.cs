namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// The item-neighbourhood rating model, a second rating model blended with the factors
/// (Koren 2008, "Factorization meets the neighborhood", its baseline kNN): for movie i and a
/// person with residuals e_uj = r_uj - mu - b_u - b_j (<see cref="RatedResiduals"/>),
///   n_ui = sum_{j in N_k(i; u)} s_ij e_uj / (sum_{j in N_k(i; u)} s_ij + damping)
/// where N_k(i; u) are the (at most <see cref="Used"/>) movies the person rated among i's stored
/// neighbours, most similar first, and s_ij > 0 the similarity of <see cref="NeighbourFit"/>.
/// The damping pulls the term toward zero when the evidence is thin. Each movie keeps its
/// <see cref="PerItem"/> most similar movies: row i of <see cref="Neighbours"/> and
/// <see cref="Similarities"/>, best first, padded with -1 / 0.
/// </summary>
public sealed record NeighbourModel(int PerItem, int Used, double Damping, int[] Neighbours, float[] Similarities, RatingBlend Blend)
{
    /// <summary>n_ui for item i (0 when the person rated none of its neighbours).</summary>
    public double Term(int item, RatedResiduals rated)
    {
        if (rated.Items.Length == 0 || PerItem == 0) return 0;
        int start = item * PerItem, found = 0;
        double weighted = 0, weights = 0;
        for (int n = start; n < start + PerItem && found < Used; n++)
        {
            int neighbour = Neighbours[n];
            if (neighbour < 0) break;
            float residual = rated.Of(neighbour);
            if (float.IsNaN(residual)) continue;
            double s = Similarities[n];
            weighted += s * residual;
            weights += s;
            found++;
        }
        return found == 0 ? 0 : weighted / (weights + Damping);
    }

    /// <summary>Why the parts cannot serve a catalogue of <paramref name="items"/> movies, or null.</summary>
    public string? FindProblem(int items)
    {
        if (PerItem < 0 || Used < 0) return $"neighbour counts must be zero or more (got {PerItem} kept, {Used} used)";
        if ((long)items * PerItem != Neighbours.Length || Neighbours.Length != Similarities.Length) return "neighbour lists do not match the catalogue";
        if (!(double.IsFinite(Damping) && Damping >= 0)) return $"neighbour damping must be a number, zero or more (got {Damping})";
        for (int n = 0; n < Neighbours.Length; n++)
        {
            if (Neighbours[n] < -1 || Neighbours[n] >= items) return $"neighbour entry {n} is {Neighbours[n]}, not a movie of the model";
            if (!float.IsFinite(Similarities[n])) return $"neighbour similarity entry {n} is {Similarities[n]}, not a finite number";
        }
        return Blend.FindProblem();
    }
}
