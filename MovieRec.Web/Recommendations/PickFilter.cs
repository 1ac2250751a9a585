using MovieRec.Core.Catalog;

namespace MovieRec.Web.Recommendations;

/// <summary>Which picks a person asked to see: one genre and one decade (the year it starts, e.g. 1990), each optional.</summary>
public sealed record PickFilter(string? Genre, int? Decade)
{
    public static PickFilter None { get; } = new(null, null);

    public bool IsEmpty => Genre is null && Decade is null;

    public bool Matches(Movie movie) =>
        (Genre is null || movie.Genres.Contains(Genre, StringComparer.Ordinal))
        && (Decade is null || movie.Year is { } year && year - year % 10 == Decade);
}
