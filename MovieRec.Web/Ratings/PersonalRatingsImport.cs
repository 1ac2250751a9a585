using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;
using MovieRec.Web.Metrics;

namespace MovieRec.Web.Ratings;

/// <summary>What importing a person's ratings file did, or the lines that stopped it.</summary>
/// <param name="Problems">line-numbered reasons the file was refused; when any, nothing was stored</param>
/// <param name="UnknownMovieLines">lines naming movies this installation does not have: skipped</param>
public sealed record PersonalImportResult(
    IReadOnlyList<RatingsCsvProblem> Problems, long Added, long Kept, IReadOnlyList<long> UnknownMovieLines)
{
    public bool Refused => Problems.Count > 0;
}

/// <summary>
/// Imports a ratings.csv (as the My ratings page exports it) into the signed-in person's ratings:
/// for moving them from another installation. The file's user id is that installation's and is
/// replaced by the person's own. The whole file is checked first: a bad line stores nothing.
/// A movie the person has already rated keeps its stored rating (nothing stored is lost), and
/// lines naming movies this installation does not have are skipped and reported by number.
/// </summary>
public sealed class PersonalRatingsImport(IMovieRecStore store, MovieRecMetrics metrics)
{
    /// <summary>The largest file taken: about 200,000 ratings, far more than anyone rates.</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public async Task<PersonalImportResult> ImportAsync(int userId, Stream file, string fileName, CancellationToken cancellationToken)
    {
        var content = PersonalRatingsCsv.Read(file, fileName);
        if (content.Problems.Count > 0)
            return new PersonalImportResult(content.Problems, 0, 0, []);

        // The last line about a movie counts, as a re-rating would.
        var byMovie = new Dictionary<int, (long Line, Rating Rating)>();
        foreach (var (line, rating) in content.Ratings)
            byMovie[rating.MovieId] = (line, rating with { UserId = userId });
        var known = await store.Movies.GetManyAsync(byMovie.Keys, cancellationToken);
        var unknownLines = byMovie.Values.Where(r => !known.ContainsKey(r.Rating.MovieId)).Select(r => r.Line).Order().ToList();
        var ratings = byMovie.Values.Where(r => known.ContainsKey(r.Rating.MovieId)).Select(r => r.Rating).ToList();

        var counts = await store.Ratings.ImportAsync(ratings, cancellationToken);
        if (counts.Added > 0) metrics.RatingWritten("upsert", "import", counts.Added);
        return new PersonalImportResult([], counts.Added, counts.AlreadyPresent, unknownLines);
    }
}
