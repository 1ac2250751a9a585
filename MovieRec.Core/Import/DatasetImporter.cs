using System.Diagnostics;
using MovieRec.Core.Ratings;
using MovieRec.Core.Storage;

namespace MovieRec.Core.Import;

/// <summary>What an import stored, and what was there already.</summary>
public sealed record DatasetImportResult(
    DatasetFormat Format, int Movies, ImportCounts Users, ImportCounts Ratings, long SkippedLines, TimeSpan Elapsed, long CleanedTexts = 0);

/// <summary>
/// Loads a MovieLens dataset into the store: movies (with tags and links), a login-less account
/// for every dataset user (an administrator sets a password before one can log in; there is never
/// a default password), then the ratings. Idempotent: a second import stores nothing twice.
/// Ratings stream through in batches, never all in memory; each batch's new users are created
/// before its ratings.
///
/// An import is one unit. Every line is read and checked before the first write, so a bad line
/// (without SkipBadLines) stores nothing at all; and the store's import marker (<see cref="IImportLog"/>)
/// is begun before the first write and completed after the last, so a crash or a store error in
/// between leaves a marker that the next start sees as incomplete and finishes by importing again.
/// </summary>
public static class DatasetImporter
{
    public static async Task<DatasetImportResult> ImportAsync(IMovieRecStore store, string directory, ImportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        CheckEveryLine(directory, options, cancellationToken);
        var dataset = MovieLensDataset.Open(directory, options);
        await store.Imports.BeginAsync(Path.GetFullPath(directory), cancellationToken);
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
        await store.Imports.CompleteAsync(cancellationToken);
        return new DatasetImportResult(dataset.Format, movies, users, ratings, dataset.Report.SkippedLines, clock.Elapsed, dataset.Report.CleanedTexts);
    }

    /// <summary>
    /// Reads the whole dataset once without storing it: with bad lines refused, the first one
    /// throws its line-numbered <see cref="DatasetFormatException"/> here, before any write. A
    /// separate reader keeps this pass out of the real pass's counts and progress reports.
    /// </summary>
    private static void CheckEveryLine(string directory, ImportOptions? options, CancellationToken cancellationToken)
    {
        if (options?.SkipBadLines == true) return; // bad lines are skipped, so none can stop the import
        var dataset = MovieLensDataset.Open(directory);
        foreach (var _ in dataset.ReadMovies()) { }
        long rows = 0;
        foreach (var _ in dataset.ReadRatings())
            if (++rows % ImportBatch.Size == 0) cancellationToken.ThrowIfCancellationRequested();
    }

    private static ImportCounts Add(ImportCounts a, ImportCounts b) => new(a.Added + b.Added, a.AlreadyPresent + b.AlreadyPresent);
}
