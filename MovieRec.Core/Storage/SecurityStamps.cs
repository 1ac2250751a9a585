using System.Security.Cryptography;

namespace MovieRec.Core.Storage;

/// <summary>
/// A new random security stamp (128 bits as hex). Guessing one is as hard as guessing a key, so a
/// forged or stale cookie cannot carry the current stamp.
/// </summary>
public static class SecurityStamps
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
