namespace MovieRec.Web.Models;

/// <summary>What the last attempt to load the model file did, for the model status page and the admin API.</summary>
public sealed record ReloadOutcome(DateTimeOffset At, string Trigger, bool Succeeded, string Message, string? Checksum);
