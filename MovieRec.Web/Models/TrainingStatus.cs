namespace MovieRec.Web.Models;

/// <summary>Where the first model's background training stands, when there was no model file at startup.</summary>
public enum TrainingState
{
    NotNeeded,
    Running,
    Finished,
    Failed,
}

public sealed record TrainingStatus(TrainingState State, string Message)
{
    public static TrainingStatus NotNeeded { get; } = new(TrainingState.NotNeeded, "A model file was there at startup.");
}
