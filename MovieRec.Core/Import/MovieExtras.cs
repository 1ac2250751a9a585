using MovieRec.Core.Catalog;

namespace MovieRec.Core.Import;

/// <summary>
/// What the other files of a dataset add to movies.csv / movies.dat: the tags (tags.csv, tags.dat) and
/// the IMDb and TMDb ids (links.csv). Movies missing from those files keep the defaults.
/// </summary>
internal sealed class MovieExtras(MovieTagCollector tags, IReadOnlyDictionary<int, MovieLinks> links)
{
    public Movie AddTo(Movie movie)
    {
        links.TryGetValue(movie.MovieId, out var link);
        return movie with { Tags = tags.For(movie.MovieId), ImdbId = link.ImdbId, TmdbId = link.TmdbId };
    }
}
