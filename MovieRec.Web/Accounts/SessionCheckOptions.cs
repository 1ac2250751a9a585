using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Accounts;

/// <summary>
/// Sessions: how often a sign-in cookie is checked against the store (the account's security
/// stamp, roles and lockout), and where this installation keeps the keys that sign its cookies.
/// </summary>
public sealed class SessionCheckOptions
{
    public const string SectionName = "Sessions";

    /// <summary>
    /// How long a check of one account is reused (0 = every request). A password change made by
    /// `users set-password` in another process ends old sessions within this time; changes made
    /// by this process (logout, lockout) end them at once.
    /// </summary>
    [Range(0, 30)]
    public int RecheckSeconds { get; set; } = 30;

    /// <summary>
    /// The Data Protection key ring of this installation (relative paths: to the folder the app
    /// runs in, like data/movierec.db). Two installations never share it, so one's cookies mean
    /// nothing to the other.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string KeyRingPath { get; set; } = "data/keys";
}
