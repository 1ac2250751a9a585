using MovieRec.Core.Catalog;
using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using MovieRec.Web.Cli.Progress;

namespace MovieRec.Web.Cli;

/// <summary>
/// Reads the rating and movie files the commands are pointed at: one file in any format the
/// importers recognise, or a whole MovieLens folder. Bad lines stop the command with the file and
/// line, unless --skip-bad-lines asks to count and pass over them. Reading shows on the command's progress board.
/// </summary>
public sealed class DataFiles(IProgressBoard board, ILogger logger)
{
    public (Rating[] Ratings, RatingScale Scale) ReadRatings(string path, bool skipBadLines)
    {
        var options = new ImportOptions { SkipBadLines = skipBadLines, Progress = new ImportProgressBoard(board) };
        var report = new ImportReport();
        Rating[] ratings;
        RatingScale scale;
        if (Directory.Exists(path))
        {
            var dataset = MovieLensDataset.Open(path, options);
            ratings = dataset.ReadRatings().ToArray();
            scale = dataset.Scale;
            report = dataset.Report;
        }
        else
        {
            RequireFile(path);
            scale = RatingFileReader.DetectScale(path);
            ratings = RatingFileReader.Read(path, scale, options, report).ToArray();
        }
        LogSkipped(report, path);
        logger.LogInformation("Read {Ratings} ratings from {Path} (scale {Min} to {Max})", ratings.Length, path, scale.Min, scale.Max);
        return (ratings, scale);
    }

    public Movie[] ReadMovies(string path, bool skipBadLines)
    {
        var options = new ImportOptions { SkipBadLines = skipBadLines };
        var report = new ImportReport();
        Movie[] movies;
        if (Directory.Exists(path))
        {
            var dataset = MovieLensDataset.Open(path, options);
            movies = dataset.ReadMovies().ToArray();
            report = dataset.Report;
        }
        else
        {
            RequireFile(path);
            movies = MovieFileReader.Read(path, options, report).ToArray();
        }
        LogSkipped(report, path);
        logger.LogInformation("Read {Movies} movies from {Path}", movies.Length, path);
        return movies;
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"no such file or folder: {path}");
    }

    private void LogSkipped(ImportReport report, string path)
    {
        if (report.SkippedLines == 0) return;
        logger.LogWarning("Skipped {Count} bad lines in {Path}; the first: {Messages}", report.SkippedLines, path, report.FirstMessages);
    }
}
