using MovieRec.Core.Engine;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Models;

/// <summary>
/// <see cref="ModelOptions"/> as the model services use them: the file's full path (relative
/// settings are relative to the folder the app runs in), the poll period and the trainer's options,
/// the history's folder and size, and the experiment (null when none is configured).
/// </summary>
public sealed record ModelSettings(string Path, TimeSpan PollInterval, TrainerOptions TrainingOptions)
{
    public string History { get; init; } = ModelHistoryKinds.Auto;
    public string HistoryPath { get; init; } = "";
    public int Keep { get; init; } = ModelOptions.DefaultKeep;
    public ExperimentSettings? Experiment { get; init; }

    /// <summary>The folder of <see cref="Path"/>, where copies being installed are staged (a rename within one folder is atomic).</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path) ?? ".";

    public static ModelSettings From(ModelOptions options)
    {
        string path = System.IO.Path.GetFullPath(options.Path);
        return new(path, TimeSpan.FromSeconds(options.PollSeconds), options.Training)
        {
            History = ModelHistoryKinds.Normalise(options.History),
            HistoryPath = string.IsNullOrWhiteSpace(options.HistoryPath)
                ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? ".", "models")
                : System.IO.Path.GetFullPath(options.HistoryPath),
            Keep = options.Keep,
            Experiment = options.Experiment.IsSet ? new ExperimentSettings(options.Experiment.Candidate!.Trim(), options.Experiment.Share) : null,
        };
    }
}

/// <summary>The configured experiment: the candidate version and the share of people served it.</summary>
public sealed record ExperimentSettings(string Candidate, double Share);
