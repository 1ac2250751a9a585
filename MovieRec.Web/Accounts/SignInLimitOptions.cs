using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Accounts;

/// <summary>
/// Throttles on the sign-in forms. Password hashing is deliberately slow (~100 ms of CPU), so
/// without these a flood of logins takes every core from browsing, and registrations are free.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string SectionName = "SignInLimits";

    /// <summary>Login attempts one client address may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int LoginsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Login attempts on one username per minute, from all addresses together.</summary>
    [Range(1, 1_000_000)]
    public int LoginsPerUsernamePerMinute { get; set; } = 10;

    /// <summary>Accounts one client address may register per hour.</summary>
    [Range(1, 1_000_000)]
    public int RegistrationsPerAddressPerHour { get; set; } = 10;

    /// <summary>Password hashes computed at once; 0 means half the cores (at least one), leaving the rest to browsing.</summary>
    [Range(0, 1024)]
    public int ConcurrentHashes { get; set; }

    /// <summary>Sign-ins that may wait for a hashing slot; beyond that the form answers "busy" at once.</summary>
    [Range(0, 100_000)]
    public int QueuedHashes { get; set; } = 32;

    public int EffectiveConcurrentHashes => ConcurrentHashes > 0 ? ConcurrentHashes : Math.Max(1, Environment.ProcessorCount / 2);
}
