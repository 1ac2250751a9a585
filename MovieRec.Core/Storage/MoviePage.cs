using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage;

/// <summary>
/// One page of a movie list. <see cref="GlobalMean"/> is the mean of every rating in the store
/// when the page was read: the prior the damped means are pulled towards.
/// </summary>
public sealed record MoviePage(IReadOnlyList<MovieListing> Items, long TotalCount, int Page, int PageSize, double GlobalMean)
{
    public long PageCount => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

/// <summary>A movie in a list, with its rating statistics.</summary>
public sealed record MovieListing(Movie Movie, MovieStatistics Statistics);
