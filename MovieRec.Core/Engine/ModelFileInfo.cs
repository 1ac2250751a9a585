namespace MovieRec.Core.Engine;

/// <summary>
/// What a model file says about itself, without its arrays: returned by
/// <see cref="ModelFile.ReadInfo"/> and, for a model that was loaded, by
/// <see cref="ModelFile.Read(string, out ModelFileInfo)"/>.
/// </summary>
public sealed record ModelFileInfo
{
    /// <summary>The full path the file was read from.</summary>
    public required string Path { get; init; }

    /// <summary>The format version of the file.</summary>
    public required uint Version { get; init; }

    /// <summary>SHA-256 of every byte before the trailing checksum, as 64 lower-case hex digits.</summary>
    public required string Checksum { get; init; }

    /// <summary>
    /// True when the content was hashed and matched <see cref="Checksum"/>; false when the checksum
    /// was only read from the end of the file (the cheap <see cref="ModelFile.ReadInfo"/>).
    /// </summary>
    public required bool ChecksumVerified { get; init; }

    public required long SizeBytes { get; init; }

    public required int UserCount { get; init; }
    public required int ItemCount { get; init; }
    public required int Rank { get; init; }

    /// <summary>Whether the file holds the SVD++ y_j factors.</summary>
    public required bool HasImplicitItemFactors { get; init; }

    /// <summary>Whether the file holds a ranking model.</summary>
    public required bool HasRanking { get; init; }

    /// <summary>Rank of the ranking model, 0 without one.</summary>
    public required int RankingRank { get; init; }

    public required TrainerOptions Options { get; init; }
    public required TrainingFacts Facts { get; init; }
}
