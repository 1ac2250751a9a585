using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using MovieRec.Core.Benchmarks;
using MovieRec.Core.Engine;
using MovieRec.Core.Import;
using MovieRec.Core.Ratings;
using MovieRec.Web.Cli.Progress;

namespace MovieRec.Web.Cli;

/// <summary>
/// bench train: how fast the trainer is on a real dataset or a synthetic one of any shape —
/// wall time in all and per iteration, achieved GFLOP/s of the ALS solves, peak working set.
/// </summary>
public sealed class BenchTrainCommand(IProgressDisplay progress, ILogger<BenchTrainCommand> logger)
{
    public static Command Define(CommandActions actions)
    {
        var dataset = CliOptions.Text("--dataset", "A MovieLens folder to train on.");
        var synthetic = SyntheticOption.Define("A synthetic dataset of");
        var model = CliOptions.Text("--model", "als (default): the rating model alone (ALS, no SVD++ term, no ranking model); full: everything train fits.");
        var output = CliOptions.Text("--output", "Write the trained model to this file.");
        var json = CliOptions.Text("--json", "Also write the figures as JSON to this file.");
        var training = new TrainingArguments();
        var command = new Command("train", "Training speed on a dataset or a synthetic one: wall time, time per iteration, GFLOP/s of the ALS solves, peak working set.")
        {
            dataset, synthetic, model, output, json,
        };
        training.AddTo(command);
        return actions.Bind<BenchTrainCommand>(command, (bench, args, _) =>
        {
            string modelName = args.GetValue(model) ?? "als";
            var defaults = modelName switch
            {
                // "als" times the factor kernels alone: no SVD++, no ranking model, no neighbourhood term.
                "als" => new TrainerOptions { SvdPlusPlus = false, Ranking = false, NeighboursKept = 0 },
                "full" => new TrainerOptions(),
                _ => throw new UsageException($"--model takes als or full, not \"{modelName}\""),
            };
            return bench.RunAsync(args.GetValue(dataset), SyntheticOption.Read(args, synthetic), modelName,
                args.GetValue(output), args.GetValue(json), training.Read(args, defaults), args.Tokens.Select(token => token.Value).ToList());
        });
    }

    public async Task<int> RunAsync(string? dataset, SyntheticShape? synthetic, string model, string? output, string? jsonPath,
        TrainerOptions options, IReadOnlyList<string> commandLine)
    {
        if ((dataset is null) == (synthetic is null)) throw new UsageException("give either --dataset DIR or --synthetic [USERS,MOVIES,RATINGS]");

        Rating[] ratings = synthetic is { } shape ? Generate(shape) : MovieLensDataset.Open(dataset!).ReadRatings().ToArray();
        // The synthetic check set (every 100th rating) gives a held-out RMSE to compare builds by.
        Rating[]? check = null;
        if (synthetic is not null) (ratings, check) = SyntheticRatings.SplitCheckSet(ratings);
        var machine = MachineRateProbe.Measure(options.EffectiveThreads);

        // One short run first, so that just-in-time compilation is not timed (as any benchmark
        // harness warms up); the figures are then those of a process that has trained before.
        ModelTrainer.Train(ratings.AsSpan(0, Math.Min(ratings.Length, 2000)), options with { Iterations = 1, RankingIterations = 1 });

        // Said before the clock starts: the process's first log line sets up the logging pipeline,
        // which is no part of training (a retraining web app has logged long before).
        logger.LogInformation("Training on {Ratings:N0} ratings: model {Model}, rank {Rank}, {Iterations} iterations, {Threads} threads",
            ratings.Length, model, options.Rank, options.Iterations, options.EffectiveThreads);
        var curve = new List<IterationReport>();
        // Each stage's wall time, and the CPU time of the whole process meanwhile (all threads): on a
        // machine shared with other work the CPU seconds read more steadily than the wall.
        var stages = new List<(string Stage, double Seconds, double CpuSeconds)>();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuLap = cpuStart;
        void StageEnded(string stage, double seconds)
        {
            var cpuNow = Process.GetCurrentProcess().TotalProcessorTime;
            stages.Add((stage, seconds, (cpuNow - cpuLap).TotalSeconds));
            cpuLap = cpuNow;
        }
        var clock = Stopwatch.StartNew();
        var trained = await progress.RunAsync(board =>
        {
            var show = TrainingProgress.On(board, options);
            // The check set's figure compares kernels between builds: the served one (a fold-in per
            // person) would add its own time to what this benchmark times.
            return Task.FromResult(ModelTrainer.Train(ratings, options, check, report: line => { curve.Add(line); show(line); },
                measureServedHeldOut: false, stageSeconds: StageEnded));
        });
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        double total = clock.Elapsed.TotalSeconds;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var ratingIterations = curve.Where(line => line.Model != ImplicitAls.CurveName).ToList();
        double perIteration = ratingIterations.Average(line => line.Seconds);
        double gflops = ExplicitAls.IterationFlops(trained.UserRatingCounts, trained.ItemRatingCounts, options.Rank) / perIteration / 1e9;
        var result = new
        {
            total_seconds = total,
            cpu_seconds = cpuSeconds,
            stage_seconds = stages.ToDictionary(s => s.Stage, s => s.Seconds),
            stage_cpu_seconds = stages.ToDictionary(s => s.Stage, s => s.CpuSeconds),
            seconds_per_iteration = perIteration,
            gflops,
            peak_working_set_bytes = peak,
            ratings = trained.Facts.RatingCount,
            rank = options.Rank,
            iterations = options.Iterations,
            threads = options.EffectiveThreads,
            held_out_rmse = trained.Facts.HeldOutRmse,
            machine_float32_gflops = machine.Float32Gflops,
            machine_float64_gflops = machine.Float64Gflops,
        };

        Console.WriteLine($"ratings {result.ratings:N0}, users {trained.Users.Count:N0}, movies {trained.Items.Count:N0}, model {model}, rank {options.Rank}, iterations {options.Iterations}, threads {result.threads}");
        Console.WriteLine($"total {total:F2} s, {perIteration:F3} s per rating-model iteration, {gflops:F2} GFLOP/s in the ALS solves, peak working set {peak / (1024.0 * 1024 * 1024):F2} GiB");
        Console.WriteLine($"process CPU time of the training: {cpuSeconds:F2} s ({options.EffectiveThreads} threads busy throughout would be {options.EffectiveThreads * total:F2} s)");
        Console.WriteLine("stages (wall / process CPU): " + string.Join(", ", stages.Select(s => $"{s.Stage} {s.Seconds:F3} / {s.CpuSeconds:F3} s")));
        Console.WriteLine($"ALS solves: {machine.ShareOf(gflops)}; {machine}");
        if (check is not null) Console.WriteLine($"held-out RMSE {trained.Facts.HeldOutRmse:F4} on the synthetic check set ({check.Length:N0} ratings, every 100th)");
        Console.WriteLine($"machine: {MachineInfo.Describe()}");
        Console.WriteLine($"command: {MachineInfo.CommandLine(commandLine)}");
        if (jsonPath is not null) File.WriteAllText(jsonPath, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        if (output is not null)
        {
            ModelFile.Write(trained, output);
            logger.LogInformation("Wrote the trained model to {Path}", output);
        }
        return 0;
    }

    private Rating[] Generate(SyntheticShape shape)
    {
        logger.LogInformation("Generating {Ratings:N0} synthetic ratings ({Users:N0} users, {Movies:N0} movies)", shape.Ratings, shape.Users, shape.Movies);
        var generated = new Progress<double>(share => logger.LogInformation("Generated {Percent:F0} %", share * 100));
        return SyntheticRatings.Generate(shape, progress: generated);
    }
}
