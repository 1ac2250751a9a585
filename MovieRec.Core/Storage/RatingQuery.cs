namespace MovieRec.Core.Storage;

/// <summary>
/// One page of a person's ratings: the "My ratings" page asks the store for exactly the rows it
/// shows, so a person with thousands of ratings never has them all read, joined and rendered.
/// <see cref="Genre"/> is spelled as <see cref="IMovieStore.ListGenresAsync"/> lists it;
/// <see cref="MinValue"/> and <see cref="MaxValue"/> bound the star value (inclusive). Pages count from 1.
/// </summary>
public sealed record RatingQuery(int UserId)
{
    /// <summary>The page size of "My ratings".</summary>
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public RatingOrder Order { get; init; } = RatingOrder.Newest;
    public string? Genre { get; init; }
    public float? MinValue { get; init; }
    public float? MaxValue { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Rows skipped before this page.</summary>
    public long Offset => (long)(Page - 1) * PageSize;
}

/// <summary>
/// The orders of a person's ratings. Each ends with the movie id, so pages never overlap or
/// skip a rating on ties.
/// </summary>
public enum RatingOrder
{
    /// <summary>Most recently rated first.</summary>
    Newest,
    /// <summary>Earliest rated first.</summary>
    Oldest,
    /// <summary>Highest value first, then newest.</summary>
    Highest,
    /// <summary>Lowest value first, then newest.</summary>
    Lowest,
    /// <summary>By the movie's title, ignoring case, A to Z.</summary>
    Title,
}

/// <summary>One page of a person's ratings, and how many ratings pass the filter in all.</summary>
public sealed record RatingPage(IReadOnlyList<Ratings.Rating> Ratings, long TotalCount, int Page, int PageSize)
{
    public long PageCount => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
