namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// The sizes that fix every array length of a model file. The reader trusts nothing else: each
/// element count in the file must equal the one derived here, and the file size must equal
/// <see cref="FileSize"/>, before any array is allocated.
/// </summary>
internal readonly record struct ModelShape(
    int Users,
    int Items,
    int Rank,
    bool HasImplicitItemFactors,
    bool HasRanking,
    int RankingRank,
    bool HasItemRatingSums = false,
    bool HasNeighbours = false,
    int NeighboursPerItem = 0,
    int FixedHeaderSize = ModelFileLayout.FixedHeaderSize + ModelFileLayout.NeighbourFieldSize + ModelFileLayout.EaseFieldSize,
    bool HasEase = false,
    int EaseItems = 0)
{
    public static ModelShape Of(ModelSnapshot model) => new(
        model.Users.Count,
        model.Items.Count,
        model.Rank,
        model.ImplicitItemFactors is not null,
        model.Ranking is not null,
        model.Ranking?.Rank ?? 0,
        HasNeighbours: model.Neighbours is not null,
        NeighboursPerItem: model.Neighbours?.PerItem ?? 0,
        HasEase: model.Ease is not null,
        EaseItems: model.Ease?.Count ?? 0);

    public ModelFileFlags Flags =>
        (HasImplicitItemFactors ? ModelFileFlags.ImplicitItemFactors : ModelFileFlags.None) |
        (HasRanking ? ModelFileFlags.Ranking : ModelFileFlags.None) |
        (HasNeighbours ? ModelFileFlags.Neighbours : ModelFileFlags.None) |
        (HasEase ? ModelFileFlags.Ease : ModelFileFlags.None);

    public long NeighbourCount => (long)Items * NeighboursPerItem;

    /// <summary>After the two neighbour arrays: the neighbours used (int64), the damping and the four blend weights (doubles).</summary>
    public const int NeighbourScalarsSize = sizeof(long) + 5 * sizeof(double);

    public long EaseWeightCount => (long)EaseItems * EaseItems;

    public long UserFactorCount => (long)Users * Rank;
    public long ItemFactorCount => (long)Items * Rank;
    public long RankingUserFactorCount => (long)Users * RankingRank;
    public long RankingItemFactorCount => (long)Items * RankingRank;
    public long RankingGramCount => (long)RankingRank * RankingRank;

    /// <summary>
    /// Why these numbers cannot describe a model, or null when they can. Checked before any size is
    /// computed from them, so that the sums below cannot overflow.
    /// </summary>
    public string? FindProblem()
    {
        if (Users < 0) return $"user count is negative ({Users})";
        if (Items < 0) return $"item count is negative ({Items})";
        if (Rank < 0) return $"rank is negative ({Rank})";
        if (RankingRank < 0) return $"ranking rank is negative ({RankingRank})";
        if (!HasRanking && RankingRank != 0)
            return $"ranking rank is {RankingRank} but the flags say there is no ranking model";
        if (NeighboursPerItem < 0) return $"neighbours per movie is negative ({NeighboursPerItem})";
        if (!HasNeighbours && NeighboursPerItem != 0)
            return $"neighbours per movie is {NeighboursPerItem} but the flags say there is no neighbourhood term";
        if (NeighbourCount > Array.MaxLength)
            return $"{Items} items x {NeighboursPerItem} neighbours is larger than any array can be";
        if (EaseItems < 0) return $"EASE movie count is negative ({EaseItems})";
        if (!HasEase && EaseItems != 0)
            return $"EASE movie count is {EaseItems} but the flags say there is no EASE part";
        if (EaseItems > Items) return $"EASE movie count is {EaseItems}, more than the {Items} movies";
        if (EaseWeightCount > Array.MaxLength)
            return $"{EaseItems} x {EaseItems} EASE weights is larger than any array can be";
        if (UserFactorCount > Array.MaxLength || ItemFactorCount > Array.MaxLength)
            return $"{Users} users / {Items} items x rank {Rank} is larger than any array can be";
        if (RankingUserFactorCount > Array.MaxLength || RankingItemFactorCount > Array.MaxLength ||
            RankingGramCount > Array.MaxLength)
            return $"{Users} users / {Items} items x ranking rank {RankingRank} is larger than any array can be";
        return null;
    }

    /// <summary>
    /// Bytes from the end of the header JSON to the start of the checksum, in file order (see
    /// docs/MODEL_FORMAT.md). Only meaningful when <see cref="FindProblem"/> returned null.
    /// </summary>
    public long BodySize
    {
        get
        {
            long size = ArrayBytes(Users, sizeof(int)) + ArrayBytes(Items, sizeof(int)) + sizeof(double)
                + ArrayBytes(Users, sizeof(double)) + ArrayBytes(Items, sizeof(double))
                + ArrayBytes(UserFactorCount, sizeof(double)) + ArrayBytes(ItemFactorCount, sizeof(double));
            if (HasImplicitItemFactors)
                size += ArrayBytes(ItemFactorCount, sizeof(double));
            if (HasRanking)
                size += ArrayBytes(RankingUserFactorCount, sizeof(double)) + ArrayBytes(RankingItemFactorCount, sizeof(double))
                    + ArrayBytes(RankingGramCount, sizeof(double)) + 2 * sizeof(double);
            size += ArrayBytes(Items, sizeof(double)) + ArrayBytes(Items, sizeof(int)) + ArrayBytes(Users, sizeof(int));
            if (HasItemRatingSums)
                size += ArrayBytes(Items, sizeof(double));
            if (HasNeighbours)
                size += ArrayBytes(NeighbourCount, sizeof(int)) + ArrayBytes(NeighbourCount, sizeof(float)) + NeighbourScalarsSize;
            if (HasEase)
                size += ArrayBytes(EaseItems, sizeof(int)) + ArrayBytes(EaseWeightCount, sizeof(float));
            return size;
        }
    }

    /// <summary>The exact size of a well-formed file of this shape with a header JSON of that length.</summary>
    public long FileSize(int headerJsonLength) =>
        FixedHeaderSize + headerJsonLength + BodySize + ModelFileLayout.ChecksumSize;

    private static long ArrayBytes(long count, int elementSize) => ModelFileLayout.CountPrefixSize + count * elementSize;
}
