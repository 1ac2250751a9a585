namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// The fixed numbers of the model file format. docs/MODEL_FORMAT.md describes the same layout in
/// prose; change both together, and bump <see cref="Version"/> whenever the bytes change meaning.
/// </summary>
internal static class ModelFileLayout
{
    /// <summary>The first 8 bytes of every model file, ASCII.</summary>
    public static ReadOnlySpan<byte> Magic => "MRECMODL"u8;

    public const int MagicSize = 8;

    /// <summary>
    /// The version this code writes. Version 2 dropped the item rating sums, which serving never
    /// read; version 1 files are still read (their sums are checksummed and skipped). Version 3
    /// added the item-neighbourhood term of the predicted rating (flag 4, the neighbours kept per
    /// movie in the fixed header, the lists and blend weights after the user rating counts);
    /// version 1 and 2 files are read as models without it. Version 4 added EASE on the most-rated
    /// movies, a third score of the picks (flag 8, its movie count in the fixed header, its movies
    /// and weights after the blend weights); version 1 to 3 files are read as models without it.
    /// Version 5 has the bytes of version 4; its header options carry the ranking model's confidence
    /// exponent (c = 1 + alpha r^p), whose default is no longer the linear p = 1 that older files
    /// were trained with: a version-4 reader would ignore it and fold people in wrongly, and files
    /// of versions 1 to 4 are read with p = 1.
    /// </summary>
    public const uint Version = 5;

    /// <summary>The oldest version this code reads.</summary>
    public const uint OldestReadableVersion = 1;

    /// <summary>Whether files of this version carry the item rating sums (version 1 only).</summary>
    public static bool HasItemRatingSums(uint version) => version == 1;

    /// <summary>
    /// magic 8 + version 4 + users 4 + items 4 + rank 4 + flags 4 + ranking rank 4 + JSON length 4:
    /// the fixed header of versions 1 and 2, and the start of version 3's.
    /// </summary>
    public const int FixedHeaderSize = 36;

    /// <summary>Version 3 adds the neighbours kept per movie (int32) right after the JSON length.</summary>
    public const int NeighbourFieldSize = 4;

    /// <summary>Whether files of this version carry the neighbours-per-movie field (and may carry the neighbourhood).</summary>
    public static bool HasNeighbourField(uint version) => version >= 3;

    /// <summary>Version 4 adds the EASE movie count (int32) right after the neighbours per movie.</summary>
    public const int EaseFieldSize = 4;

    /// <summary>Whether files of this version carry the EASE movie count (and may carry EASE).</summary>
    public static bool HasEaseField(uint version) => version >= 4;

    /// <summary>Whether the header options of files of this version may hold a confidence exponent other than 1.</summary>
    public static bool HasConfidenceExponent(uint version) => version >= 5;

    /// <summary>The flag bits files of this version may set.</summary>
    public static ModelFileFlags KnownFlags(uint version) =>
        ModelFileFlags.All
        & (HasNeighbourField(version) ? ModelFileFlags.All : ~ModelFileFlags.Neighbours)
        & (HasEaseField(version) ? ModelFileFlags.All : ~ModelFileFlags.Ease);

    /// <summary>The fixed header's size in files of this version.</summary>
    public static int FixedHeaderSizeOf(uint version) => FixedHeaderSize
        + (HasNeighbourField(version) ? NeighbourFieldSize : 0)
        + (HasEaseField(version) ? EaseFieldSize : 0);

    /// <summary>Where the format version sits, right after the magic.</summary>
    public const int VersionOffset = 8;

    /// <summary>Every array is preceded by its element count as a little-endian int64.</summary>
    public const int CountPrefixSize = 8;

    /// <summary>The trailing SHA-256 of every byte before it.</summary>
    public const int ChecksumSize = 32;

    /// <summary>
    /// Options and facts are a few kilobytes even with a long training curve; the cap keeps a damaged
    /// length field from making the reader allocate a large buffer for the JSON.
    /// </summary>
    public const int MaxHeaderJsonBytes = 16 << 20;

    /// <summary>
    /// Arrays are hashed and copied in pieces of this size so that each piece is still in cache when
    /// it is written after hashing, and so that arrays above 2 GB still fit a span of bytes.
    /// </summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>
    /// Arrays go to disk as their in-memory bytes (MemoryMarshal.AsBytes), which are little-endian
    /// only on little-endian hosts. Every supported .NET 10 platform is little-endian; refuse loudly
    /// rather than write files that other machines would misread.
    /// </summary>
    public static void RequireLittleEndianHost()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("the model file format stores arrays as little-endian bytes; this host is big-endian");
    }
}

/// <summary>Which optional parts a model file holds; bits not listed here must be zero.</summary>
[Flags]
internal enum ModelFileFlags : uint
{
    None = 0,

    /// <summary>The SVD++ y_j matrix is present.</summary>
    ImplicitItemFactors = 1,

    /// <summary>The ranking model (X, Y, gram, lambda, alpha) is present.</summary>
    Ranking = 2,

    /// <summary>The item-neighbourhood term and its blend weights are present (version 3 on).</summary>
    Neighbours = 4,

    /// <summary>EASE on the most-rated movies is present (version 4 on).</summary>
    Ease = 8,

    All = ImplicitItemFactors | Ranking | Neighbours | Ease,
}
