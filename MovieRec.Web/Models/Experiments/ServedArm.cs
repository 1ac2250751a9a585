using MovieRec.Core.Storage;

namespace MovieRec.Web.Models.Experiments;

/// <summary>
/// The model a person is served and, while an experiment runs, the arm that model belongs to and the
/// experiment's name (its candidate version); both null when no experiment runs.
/// </summary>
public sealed record ServedArm(ActiveModel Model, string? Experiment, string? Arm)
{
    public bool InExperiment => Experiment is not null;

    public bool IsCandidate => Arm == ExperimentArms.Candidate;
}
