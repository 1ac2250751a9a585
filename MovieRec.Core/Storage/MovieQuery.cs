namespace MovieRec.Core.Storage;

/// <summary>
/// What a movie list asks for. <see cref="TitleContains"/> is what a person typed, matched by
/// <see cref="Catalog.SearchText"/> (case, accents, punctuation and the place of a leading article
/// ignored; never a pattern) as a substring of any of a movie's names; <see cref="Tag"/> matches a
/// whole tag the same way; <see cref="Genre"/> must be spelled as
/// <see cref="IMovieStore.ListGenresAsync"/> lists it. Pages count from 1.
/// </summary>
public sealed record MovieQuery
{
    public const int MaxPageSize = 500;

    /// <summary>The page size of the catalogue, on the Movies page and in GET /api/movies alike.</summary>
    public const int DefaultPageSize = 24;
    public const int MaxTitleTextLength = 200;

    public string? TitleContains { get; init; }
    public string? Genre { get; init; }
    public string? Tag { get; init; }
    public MovieSort Sort { get; init; } = MovieSort.Popularity;
    public SortDirection Direction { get; init; } = SortDirection.Natural;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Rows skipped before this page.</summary>
    public long Offset => (long)(Page - 1) * PageSize;

    /// <summary>The direction after resolving <see cref="SortDirection.Natural"/> to the sort's usual one.</summary>
    public bool IsDescending => Direction switch
    {
        SortDirection.Ascending => false,
        SortDirection.Descending => true,
        // Most rated, best rated and newest first; titles A to Z.
        _ => Sort != MovieSort.Title,
    };
}

public enum MovieSort
{
    /// <summary>By number of ratings.</summary>
    Popularity,
    /// <summary>By damped mean rating (<see cref="RatingDamping"/>).</summary>
    Rating,
    /// <summary>By release year; movies without a year come last in either direction.</summary>
    Year,
    /// <summary>By title, ignoring case.</summary>
    Title,
}

public enum SortDirection
{
    /// <summary>The sort's usual direction: descending for popularity, rating and year, ascending for title.</summary>
    Natural,
    Ascending,
    Descending,
}
