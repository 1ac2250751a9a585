namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// Writes one model to a stream in the current version's layout, field by field in the order of
/// docs/MODEL_FORMAT.md. <see cref="ModelFileReader"/> reads the same order; the two must change together.
/// </summary>
internal static class ModelFileWriter
{
    /// <param name="headerJson">The serialized <see cref="ModelHeader"/>, prepared before the file was opened.</param>
    public static void Write(Stream output, ModelSnapshot model, byte[] headerJson)
    {
        var shape = ModelShape.Of(model);
        using var writer = new HashingWriter(output);

        writer.WriteBytes(ModelFileLayout.Magic);
        writer.WriteUInt32(ModelFileLayout.Version);
        writer.WriteInt32(shape.Users);
        writer.WriteInt32(shape.Items);
        writer.WriteInt32(shape.Rank);
        writer.WriteUInt32((uint)shape.Flags);
        writer.WriteInt32(shape.RankingRank);
        writer.WriteInt32(headerJson.Length);
        writer.WriteInt32(shape.NeighboursPerItem);
        writer.WriteInt32(shape.EaseItems);
        writer.WriteBytes(headerJson);

        writer.WriteArray(model.Users.Ids);
        writer.WriteArray(model.Items.Ids);
        writer.WriteDouble(model.Mu);
        writer.WriteArray<double>(model.UserBias);
        writer.WriteArray<double>(model.ItemBias);
        writer.WriteArray<double>(model.UserFactors.Data);
        writer.WriteArray<double>(model.ItemFactors.Data);
        if (model.ImplicitItemFactors is { } implicitFactors)
            writer.WriteArray<double>(implicitFactors.Data);
        if (model.Ranking is { } ranking)
        {
            writer.WriteArray<double>(ranking.UserFactors.Data);
            writer.WriteArray<double>(ranking.ItemFactors.Data);
            writer.WriteArray<double>(ranking.ItemGram);
            writer.WriteDouble(ranking.Lambda);
            writer.WriteDouble(ranking.Alpha);
        }
        writer.WriteArray<double>(model.ItemNorms);
        writer.WriteArray<int>(model.ItemRatingCounts);
        writer.WriteArray<int>(model.UserRatingCounts);
        if (model.Neighbours is { } neighbours)
        {
            writer.WriteArray<int>(neighbours.Neighbours);
            writer.WriteArray<float>(neighbours.Similarities);
            writer.WriteInt64(neighbours.Used);
            writer.WriteDouble(neighbours.Damping);
            writer.WriteDouble(neighbours.Blend.Intercept);
            writer.WriteDouble(neighbours.Blend.Baseline);
            writer.WriteDouble(neighbours.Blend.Factors);
            writer.WriteDouble(neighbours.Blend.Neighbours);
        }
        if (model.Ease is { } ease)
        {
            writer.WriteArray<int>(ease.Items);
            writer.WriteArray<float>(ease.Weights);
        }

        writer.WriteChecksum();
    }
}
