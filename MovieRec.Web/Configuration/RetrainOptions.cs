using System.ComponentModel.DataAnnotations;
using Cronos;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The "Retrain" section: when the app retrains by itself. Retrain:Schedule is a cron expression
/// (five fields, minute first, in Retrain:TimeZone); Retrain:AfterNewRatings retrains once that
/// many ratings were stored or changed since the last retrain began (counted in the store, so it
/// survives restarts and counts every instance). Either, both or neither may be set; with neither
/// the app retrains only when an administrator asks (POST /api/admin/retrain, /Admin/Retraining).
/// </summary>
public sealed class RetrainOptions : IValidatableObject
{
    public const string SectionName = "Retrain";

    /// <summary>A cron expression such as "0 2 * * *" (02:00 every day); empty: no schedule.</summary>
    public string? Schedule { get; set; }

    /// <summary>The time zone Retrain:Schedule is read in (an IANA id such as Europe/Paris); UTC by default.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Retrain after this many new or changed ratings; 0: never for that reason.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Retrain:AfterNewRatings must be 0 (off) or a positive whole number of ratings.")]
    public int AfterNewRatings { get; set; }

    /// <summary>How often the rating count is read for Retrain:AfterNewRatings.</summary>
    [Range(1, 86_400, ErrorMessage = "Retrain:CheckSeconds must be a whole number of seconds from 1 to 86400.")]
    public int CheckSeconds { get; set; } = 60;

    /// <summary>
    /// How long the store lock lasts without renewal: an instance that crashes mid-training blocks
    /// retraining for at most this long. Renewed every third of it while training.
    /// </summary>
    [Range(15, 86_400, ErrorMessage = "Retrain:LeaseSeconds must be a whole number of seconds from 15 to 86400.")]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// Training threads of a retrain started by the app. 1 (the default) trains on one dedicated
    /// low-priority thread, which keeps serving fast on a small machine; more threads train faster
    /// but the extra ones are ordinary thread-pool threads that compete with requests.
    /// </summary>
    [Range(1, 1_024, ErrorMessage = "Retrain:Threads must be a whole number of threads from 1 to 1024.")]
    public int Threads { get; set; } = 1;

    public bool HasSchedule => !string.IsNullOrWhiteSpace(Schedule);

    /// <summary>The parsed schedule, or null when none is set. Call after validation.</summary>
    public CronExpression? ParsedSchedule() => HasSchedule ? CronExpression.Parse(Schedule!.Trim()) : null;

    public TimeZoneInfo ParsedTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone.Trim());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasSchedule && !CronExpression.TryParse(Schedule!.Trim(), out _))
            yield return new ValidationResult(
                $"Retrain:Schedule '{Schedule}' is not a cron expression: give five fields, minute hour day-of-month month day-of-week, for example \"0 2 * * *\" for 02:00 every day.",
                [nameof(Schedule)]);
        if (!IsKnownTimeZone(TimeZone))
            yield return new ValidationResult($"Retrain:TimeZone '{TimeZone}' is not a time zone this machine knows: use an IANA id such as UTC or Europe/Paris.", [nameof(TimeZone)]);
    }

    private static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);
}
