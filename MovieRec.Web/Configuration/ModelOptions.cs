using System.ComponentModel.DataAnnotations;
using MovieRec.Core.Engine;
using MovieRec.Core.ModelHistory;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The "Model" section: Model:Path (the file served and watched: the active version's copy),
/// Model:PollSeconds (the fallback check's period), Model:Training:* (the hyper-parameters of
/// the first model, trained when there is no file; unset keys keep the trainer's defaults), the
/// history (Model:History, Model:HistoryPath, Model:Keep) and the A/B experiment (Model:Experiment:*).
/// </summary>
public sealed class ModelOptions : IValidatableObject
{
    public const string SectionName = "Model";
    public const string DefaultPath = "data/model.bin";
    public const int DefaultPollSeconds = 10;
    public const int DefaultKeep = 10;

    [Required(AllowEmptyStrings = false, ErrorMessage = "Model:Path is empty: name the model file, for example data/model.bin.")]
    public string Path { get; set; } = DefaultPath;

    [Range(1, 86_400, ErrorMessage = "Model:PollSeconds must be a whole number of seconds from 1 to 86400.")]
    public int PollSeconds { get; set; } = DefaultPollSeconds;

    public TrainerOptions Training { get; set; } = new();

    /// <summary>
    /// Where accepted models are kept: "folder" (Model:HistoryPath, a folder every instance may
    /// share), "gridfs" (MongoDB GridFS, Storage:Provider=mongo only), or "auto" (the default:
    /// GridFS with MongoDB, the folder with SQLite).
    /// </summary>
    public string History { get; set; } = ModelHistoryKinds.Auto;

    /// <summary>The history folder; unset, a "models" folder beside Model:Path (data/models by default).</summary>
    public string? HistoryPath { get; set; }

    /// <summary>How many versions the history keeps (the active one and the experiment's candidate are never removed).</summary>
    [Range(1, 1_000, ErrorMessage = "Model:Keep must be a whole number of versions from 1 to 1000.")]
    public int Keep { get; set; } = DefaultKeep;

    public ExperimentOptions Experiment { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (string problem in TrainerOptionsValidator.Problems(Training))
            yield return new ValidationResult($"Model:Training: {problem}.", [nameof(Training)]);
        if (!ModelHistoryKinds.IsKnown(History))
            yield return new ValidationResult($"Model:History must be auto, folder or gridfs, not '{History}'.", [nameof(History)]);
        foreach (string problem in Experiment.Problems())
            yield return new ValidationResult(problem, [nameof(Experiment)]);
    }
}

/// <summary>The values of Model:History.</summary>
public static class ModelHistoryKinds
{
    public const string Auto = "auto";
    public const string Folder = "folder";
    public const string GridFs = "gridfs";

    public static bool IsKnown(string? kind) => Normalise(kind) is Auto or Folder or GridFs;

    public static string Normalise(string? kind) => (kind ?? "").Trim().ToLowerInvariant();
}

/// <summary>
/// Model:Experiment: serve a candidate version to a share of people (chosen by a hash of the user
/// id, so a person stays in one arm) beside the active version. Unset Candidate: no experiment.
/// </summary>
public sealed class ExperimentOptions
{
    /// <summary>The candidate model version (see `models list`).</summary>
    public string? Candidate { get; set; }

    /// <summary>The share of people served the candidate, above 0 and below 1 (default 0.1).</summary>
    public double Share { get; set; } = 0.1;

    public bool IsSet => !string.IsNullOrWhiteSpace(Candidate);

    public IEnumerable<string> Problems()
    {
        if (!IsSet) yield break;
        if (!ModelVersionNames.IsValid(Candidate!.Trim()))
            yield return $"Model:Experiment:Candidate '{Candidate}' is not a model version: versions look like 20261201-173012-3fa4c2d1 (see `models list`).";
        if (!(Share > 0 && Share < 1))
            yield return $"Model:Experiment:Share must be above 0 and below 1 (the share of people served the candidate), not {Share}.";
    }
}
