using System.Diagnostics;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Core.Import;

/// <summary>What an import stored, and what was there already.</summary>
public sealed record DatasetImportResult(
    DatasetFormat Format, int Movies, ImportCounts Users, ImportCounts Ratings, long SkippedLines, TimeSpan Elapsed);

/// <summary>
/// Loads a MovieLens dataset into the store: movies (with tags and links), a login-less account
/// for every dataset user (an administrator sets a password before one can log in; there is never
/// a default password), then the ratings. Idempotent: a second import stores nothing twice.
/// Ratings stream through in batches, never all in memory; each batch's new users are created
/// before its ratings.
/// </summary>
public static class DatasetImporter
{
    public static async Task<DatasetImportResult> ImportAsync(IMovieRecStore store, string directory, ImportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var dataset = MovieLensDataset.Open(directory, options);
        int movies = await store.Movies.UpsertManyAsync(dataset.ReadMovies(), cancellationToken);

        var knownUsers = new HashSet<int>();
        var users = new ImportCounts(0, 0);
        var ratings = new ImportCounts(0, 0);
        foreach (var batch in dataset.ReadRatings().Chunk(ImportBatch.Size))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var newUsers = batch.Select(r => r.UserId).Where(knownUsers.Add).Select(ImportedUser.FromDataset).ToList();
            if (newUsers.Count > 0) users = Add(users, await store.Users.ImportAsync(newUsers, cancellationToken));
            ratings = Add(ratings, await store.Ratings.ImportAsync(batch, cancellationToken));
        }
        return new DatasetImportResult(dataset.Format, movies, users, ratings, dataset.Report.SkippedLines, clock.Elapsed);
    }

    private static ImportCounts Add(ImportCounts a, ImportCounts b) => new(a.Added + b.Added, a.AlreadyPresent + b.AlreadyPresent);
}
