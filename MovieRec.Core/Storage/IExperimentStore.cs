namespace MovieRec.Core.Storage;

/// <summary>The arms of an A/B experiment: the active model ("control") and the candidate.</summary>
public static class ExperimentArms
{
    public const string Control = "control";
    public const string Candidate = "candidate";

    public static bool IsKnown(string arm) => arm is Control or Candidate;
}

/// <summary>
/// What one arm of an experiment has counted: people shown picks, distinct picks shown
/// (impressions: one per person and movie), how many of them were later opened or rated, and the
/// sum and sum of squares of those ratings (for the mean and its confidence interval).
/// </summary>
public sealed record ArmCounts(string Arm, long People, long Impressions, long Opened, long Rated, double RatingSum, double RatingSquares);

/// <summary>
/// Impressions and outcomes of an A/B experiment, per person and movie: a pick shown is recorded
/// once (its arm and first time), and the first time it is opened or rated afterwards is recorded
/// on it. A movie never shown as a pick records nothing. Experiments are named by their candidate
/// version, so two experiments never mix their counts.
/// </summary>
public interface IExperimentStore
{
    /// <summary>Records that these picks were shown to the person in this arm; picks shown before keep their first record.</summary>
    Task RecordShownAsync(string experiment, string arm, int userId, IReadOnlyCollection<int> movieIds, CancellationToken cancellationToken = default);

    /// <summary>Records that the person opened a movie; true when it was a pick shown in the experiment and not opened before.</summary>
    Task<bool> RecordOpenedAsync(string experiment, int userId, int movieId, CancellationToken cancellationToken = default);

    /// <summary>Records the person's rating of a movie; true when it was a pick shown in the experiment and not rated since.</summary>
    Task<bool> RecordRatedAsync(string experiment, int userId, int movieId, double rating, CancellationToken cancellationToken = default);

    /// <summary>The counts of each arm that has recorded anything, control first.</summary>
    Task<IReadOnlyList<ArmCounts>> CountAsync(string experiment, CancellationToken cancellationToken = default);
}
