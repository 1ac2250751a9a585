using System.Diagnostics;
using MovieRec.Core.Engine;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>train: ratings file in, model file out, no store involved.</summary>
public static class TrainCommand
{
    public const string Usage = """
        train --ratings PATH --movies PATH --output FILE [--validation FILE] [--skip-bad-lines] [hyper-parameters]
          Trains the default model (or the one the options describe) from a ratings file or MovieLens
          folder and writes it to FILE atomically. --validation reports a held-out RMSE per iteration.
        """;

    public static int Run(CommandArguments args)
    {
        string ratingsPath = args.RequiredText("ratings");
        string moviesPath = args.RequiredText("movies");
        string output = args.RequiredText("output");
        string? validationPath = args.Text("validation");
        bool skipBadLines = args.Bool("skip-bad-lines") ?? false;
        var options = TrainingArguments.Read(args);
        args.RejectUnknown();

        var (ratings, scale) = DataFiles.ReadRatings(ratingsPath, skipBadLines);
        var movies = DataFiles.ReadMovies(moviesPath, skipBadLines);
        WarnAboutUnlistedMovies(ratings, movies);
        var validation = validationPath is null ? null : DataFiles.ReadRatings(validationPath, skipBadLines).Ratings;

        var clock = Stopwatch.StartNew();
        var model = ModelTrainer.Train(ratings, options, validation, TrainingLog.For(options), scale: scale);
        double seconds = clock.Elapsed.TotalSeconds;

        ModelFile.Write(model, output);
        var info = ModelFile.ReadInfo(output);
        Log.Information("Wrote {Path} ({Bytes} bytes, SHA-256 {Checksum}): {Users} users, {Movies} movies, {Ratings} ratings, trained in {Seconds:F2} s, held-out RMSE {HeldOutRmse}",
            output, info.SizeBytes, info.Checksum, model.Users.Count, model.Items.Count, model.Facts.RatingCount, seconds,
            model.Facts.HeldOutRmse?.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) ?? "not measured");
        return 0;
    }

    private static void WarnAboutUnlistedMovies(IReadOnlyList<Core.Ratings.Rating> ratings, IReadOnlyList<Core.Catalog.Movie> movies)
    {
        var listed = movies.Select(m => m.MovieId).ToHashSet();
        int unlisted = ratings.Select(r => r.MovieId).Distinct().Count(id => !listed.Contains(id));
        if (unlisted > 0)
            Log.Warning("{Count} rated movies are not in the movies file; the model still learns them", unlisted);
    }
}
