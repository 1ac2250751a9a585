namespace MovieRec.Core.Catalog;

/// <summary>
/// A movie as MovieLens describes it. Year is parsed from the trailing "(yyyy)" of the title;
/// Genres is empty for "(no genres listed)". ImdbId keeps its leading zeros (IMDb's "tt" + id).
/// </summary>
public sealed record Movie(int MovieId, string Title, int? Year, IReadOnlyList<string> Genres)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? ImdbId { get; init; }
    public int? TmdbId { get; init; }
}
