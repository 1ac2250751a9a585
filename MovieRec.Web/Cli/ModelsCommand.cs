using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;
using MovieRec.Web.Display;
using MovieRec.Web.Models;
using MovieRec.Web.Models.History;

namespace MovieRec.Web.Cli;

/// <summary>
/// models list | inspect FILE [--json] | activate VERSION | promote: the model history from the
/// command line. Activation goes through the same service as the admin page: a version that does
/// not load is refused (exit code 1) and the active one stays.
/// </summary>
public sealed class ModelsCommand(IModelRepository repository, IServiceProvider services, ModelSettings settings)
{
    public static Command Define(CommandActions actions)
    {
        var list = new Command("list", "Every kept version, newest first: created, source, data, held-out RMSE and NDCG@10; * marks the active one, c the experiment's candidate.");
        var inspectTarget = new Argument<string>("FILE") { Description = "A version (see models list) or a model file's path." };
        var json = CliOptions.Flag("--json", "Print the facts as JSON.");
        var inspect = new Command("inspect", "The facts of a version or a model file: users, movies, ratings trained on, held-out share, data fingerprint, metrics, options.")
        {
            inspectTarget, json,
        };
        var activateVersion = new Argument<string>("VERSION") { Description = "The version to serve (see models list)." };
        var activate = new Command("activate",
            "Makes a kept version the active one for every instance (rollback): it must load first, or it is refused and the active one stays.")
        {
            activateVersion,
        };
        var promote = new Command("promote", "Ends the experiment: the candidate of Model:Experiment becomes the active version.");
        var command = new Command("models", "The model history: models list, models inspect FILE [--json], models activate VERSION, models promote.")
        {
            actions.Bind<ModelsCommand>(list, (models, _, cancellationToken) => models.ListAsync(cancellationToken)),
            actions.Bind<ModelsCommand>(inspect, (models, args, cancellationToken) => models.InspectAsync(args.GetValue(inspectTarget)!, args.GetValue(json), cancellationToken)),
            actions.Bind<ModelsCommand>(activate, (models, args, cancellationToken) => models.ActivateAsync(args.GetValue(activateVersion)!, cancellationToken)),
            actions.Bind<ModelsCommand>(promote, (models, _, cancellationToken) => models.PromoteAsync(cancellationToken)),
        };
        return command;
    }

    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await services.GetRequiredService<ModelHistoryView>().ListAsync(cancellationToken);
        Console.WriteLine($"history: {repository.Location}, keeping {settings.Keep}");
        if (entries.Count == 0)
        {
            Console.WriteLine("no versions yet: train, retrain or the app's first training keep one");
            return 0;
        }
        Console.WriteLine($"  {"version",-24}  {"created (UTC)",-16}  {"source",-9}  {"users",7}  {"movies",7}  {"ratings",10}  {"RMSE",6}  {"NDCG@10",7}");
        foreach (var (facts, active, candidate) in entries)
        {
            string mark = active ? "*" : candidate ? "c" : " ";
            Console.WriteLine($"{mark} {facts.Version,-24}  {facts.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-16}  " +
                              $"{facts.Source,-9}  {facts.Users,7}  {facts.Movies,7}  {facts.Ratings,10}  {Figure(facts.HeldOutRmse),6}  {Figure(facts.HeldOutNdcg),7}");
        }
        return 0;
    }

    public async Task<int> InspectAsync(string target, bool asJson, CancellationToken cancellationToken)
    {
        var inspection = await InspectionAsync(target, cancellationToken);
        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(inspection, ModelFactsJson.Options));
            return 0;
        }
        Console.WriteLine($"file: {inspection.Path ?? "(in " + repository.Location + ")"}");
        Console.WriteLine($"version: {inspection.Version ?? "not in the history"}");
        Console.WriteLine($"checksum: {inspection.Checksum}");
        Console.WriteLine($"trained on: {inspection.Ratings:N0} ratings, {inspection.Users:N0} users, {inspection.Movies:N0} movies; " +
                          $"held-out share {(inspection.HeldOutShare is { } share ? share.ToString("P1", CultureInfo.InvariantCulture) : "unknown")}");
        Console.WriteLine($"data fingerprint: {inspection.DataFingerprint}");
        Console.WriteLine($"held-out RMSE {Figure(inspection.Metrics.HeldOutRmse)}, biases alone {Figure(inspection.Metrics.BiasOnlyRmse)}, NDCG@10 {Figure(inspection.Metrics.HeldOutNdcg)}" +
                          (inspection.Metrics.HeldOutRmse is null ? "" : $" ({Wording.HeldOutBasis(inspection.Metrics.AsServed)})"));
        Console.WriteLine($"options: {JsonSerializer.Serialize(inspection.Options, new JsonSerializerOptions(ModelFactsJson.Options) { WriteIndented = false })}");
        return 0;
    }

    public async Task<int> ActivateAsync(string version, CancellationToken cancellationToken)
    {
        if (!ModelVersionNames.IsValid(version)) throw new UsageException(ModelVersionNamesMessage(version));
        var facts = await services.GetRequiredService<ModelActivation>().ActivateAsync(version, ModelActivation.Check.Load, cancellationToken);
        Console.WriteLine($"active: {facts.Version} (held-out RMSE {Figure(facts.HeldOutRmse)}); every instance serves it from its next check");
        return 0;
    }

    public async Task<int> PromoteAsync(CancellationToken cancellationToken)
    {
        if (settings.Experiment is not { } experiment)
            throw new UsageException("there is no experiment to end: Model:Experiment:Candidate is not set");
        await services.GetRequiredService<ModelActivation>().ActivateAsync(experiment.Candidate, ModelActivation.Check.Load, cancellationToken);
        Console.WriteLine($"promoted: {experiment.Candidate} is the active version and the experiment is over (everyone is served it); " +
                          "remove Model:Experiment from the settings before starting another");
        return 0;
    }

    private async Task<ModelInspection> InspectionAsync(string target, CancellationToken cancellationToken)
    {
        if (ModelVersionNames.IsValid(target) && !File.Exists(target))
        {
            var kept = await repository.FindAsync(target, cancellationToken) ?? throw new ModelVersionNotFoundException(target, repository.Location);
            return ModelInspection.From(kept, path: null);
        }
        if (!File.Exists(target)) throw new UsageException($"{target} is neither a model file nor a kept version (see models list)");
        var info = ModelFile.ReadInfo(target, verifyChecksum: true);
        var facts = (await repository.ListAsync(cancellationToken)).FirstOrDefault(v => v.Checksum == info.Checksum);
        return facts is null ? ModelInspection.From(info) : ModelInspection.From(facts, info.Path);
    }

    private static string ModelVersionNamesMessage(string version) =>
        $"'{version}' is not a model version: versions look like 20261201-173012-3fa4c2d1 (see models list)";

    private static string Figure(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-";
}

/// <summary>The held-out figures of a model.</summary>
/// <param name="AsServed">Whether they measure what people are shown (fold-in, the blended prediction, the served picks) or, for older models, the factor model alone.</param>
public sealed record ModelMetrics(double? HeldOutRmse, double? BiasOnlyRmse, double? HeldOutNdcg, bool AsServed);

/// <summary>What `models inspect` prints: a kept version's facts, or what a file's header says of itself when the history does not know it.</summary>
public sealed record ModelInspection(
    string? Version, string? Path, string Checksum, long SizeBytes, int Users, int Movies, long Ratings, double? HeldOutShare,
    string DataFingerprint, ModelMetrics Metrics, TrainerOptions Options, DateTimeOffset? CreatedAt, string? Source)
{
    public static ModelInspection From(ModelVersionFacts facts, string? path) =>
        new(facts.Version, path, facts.Checksum, facts.SizeBytes, facts.Users, facts.Movies, facts.Ratings, facts.HeldOutShare,
            facts.DataFingerprint, new ModelMetrics(facts.HeldOutRmse, facts.BiasOnlyRmse, facts.HeldOutNdcg, facts.HeldOutAsServed), facts.Options, facts.CreatedAt, facts.Source);

    /// <summary>A file the history does not hold: its header's facts (the held-out share and NDCG were not recorded).</summary>
    public static ModelInspection From(ModelFileInfo info) =>
        new(null, info.Path, info.Checksum, info.SizeBytes, info.UserCount, info.ItemCount, info.Facts.RatingCount, null,
            info.Facts.DataFingerprint, new ModelMetrics(info.Facts.PublishedHeldOutRmse, null, null, info.Facts.HeldOutRmseIsServed), info.Options, info.Facts.TrainedAt, null);
}
