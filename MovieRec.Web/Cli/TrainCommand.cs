using System.CommandLine;
using System.Diagnostics;
using MovieRec.Core.Catalog;
using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Core.Ratings;
using MovieRec.Web.Cli.Progress;
using MovieRec.Web.Models;
using MovieRec.Web.Models.History;

namespace MovieRec.Web.Cli;

/// <summary>train: ratings file in, model file out, no store involved.</summary>
public sealed class TrainCommand(IProgressDisplay progress, ModelPublisher publisher, ModelSettings settings, ILogger<TrainCommand> logger)
{
    public static Command Define(CommandActions actions)
    {
        var ratings = CliOptions.Text("--ratings", "A ratings file in any format the importers read, or a MovieLens folder.", required: true);
        var movies = CliOptions.Text("--movies", "The movies file (or folder) the ratings refer to.", required: true);
        var output = CliOptions.Text("--output", "The model file to write (atomically).", required: true);
        var validation = CliOptions.Text("--validation", "A ratings file to report a held-out RMSE on after each iteration.");
        var skipBadLines = CliOptions.Flag("--skip-bad-lines", "Count and pass over bad lines instead of stopping at the first.");
        var training = new TrainingArguments();
        var command = new Command("train", "Trains the default model (or the one the options describe) from a ratings file or MovieLens folder and writes it atomically.")
        {
            ratings, movies, output, validation, skipBadLines,
        };
        training.AddTo(command);
        return actions.Bind<TrainCommand>(command, (train, args, _) => train.RunAsync(
            args.GetValue(ratings)!, args.GetValue(movies)!, args.GetValue(output)!, args.GetValue(validation), args.GetValue(skipBadLines), training.Read(args)));
    }

    public Task<int> RunAsync(string ratingsPath, string moviesPath, string output, string? validationPath, bool skipBadLines, TrainerOptions options) =>
        progress.RunAsync(async board =>
        {
            var files = new DataFiles(board, logger);
            var (ratings, scale) = files.ReadRatings(ratingsPath, skipBadLines);
            var movies = files.ReadMovies(moviesPath, skipBadLines);
            WarnAboutUnlistedMovies(ratings, movies);
            var validation = validationPath is null ? null : files.ReadRatings(validationPath, skipBadLines).Ratings;

            var clock = Stopwatch.StartNew();
            var model = ModelTrainer.Train(ratings, options, validation, TrainingProgress.On(board, options), scale: scale);
            double seconds = clock.Elapsed.TotalSeconds;

            // Kept in the history like every accepted model; written to Model:Path it becomes the active version.
            bool active = string.Equals(Path.GetFullPath(output), settings.Path, StringComparison.Ordinal);
            var publication = new ModelPublication("train", HeldOutShare: 0, active);
            ModelVersionFacts facts;
            if (active) facts = await publisher.PublishAsync(model, publication);
            else
            {
                // Written once where asked; the history keeps a copy of that file.
                ModelFile.Write(model, output);
                facts = await publisher.PublishWrittenAsync(model, output, publication);
            }
            var info = ModelFile.ReadInfo(output);
            logger.LogInformation("Wrote {Path} ({Bytes} bytes, SHA-256 {Checksum}): {Users} users, {Movies} movies, {Ratings} ratings, trained in {Seconds:F2} s, held-out RMSE {HeldOutRmse}",
                output, info.SizeBytes, info.Checksum, model.Users.Count, model.Items.Count, model.Facts.RatingCount, seconds,
                model.Facts.PublishedHeldOutRmse?.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) ?? "not measured");
            Console.WriteLine($"version: {facts.Version}{(active ? " (active)" : "")}, kept in {publisher.Location}");
            return 0;
        });

    private void WarnAboutUnlistedMovies(IReadOnlyList<Rating> ratings, IReadOnlyList<Movie> movies)
    {
        var listed = movies.Select(m => m.MovieId).ToHashSet();
        int unlisted = ratings.Select(r => r.MovieId).Distinct().Count(id => !listed.Contains(id));
        if (unlisted > 0)
            logger.LogWarning("{Count} rated movies are not in the movies file; the model still learns them", unlisted);
    }
}
