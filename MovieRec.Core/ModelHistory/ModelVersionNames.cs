using System.Globalization;
using System.Text.RegularExpressions;

namespace MovieRec.Core.ModelHistory;

/// <summary>
/// The one rule for naming a model version: creation time to the second (UTC) and the first 8 hex
/// digits of the file's checksum, for example 20261201-173012-3fa4c2d1. Names sort by age, are unique
/// for distinct files, and are safe as file names and GridFS names. A name from outside (the command
/// line, a form) is checked against the pattern before it reaches a path or a query.
/// </summary>
public static partial class ModelVersionNames
{
    public static string For(DateTimeOffset createdAt, string checksum) =>
        createdAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + checksum[..8].ToLowerInvariant();

    /// <summary>
    /// Versions newest first, by their creation time (two made within one second differ only in
    /// their checksum digits, which say nothing of age), then by name.
    /// </summary>
    public static IReadOnlyList<ModelVersionFacts> NewestFirst(IEnumerable<ModelVersionFacts> versions) =>
        versions.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Version, StringComparer.Ordinal).ToList();

    public static bool IsValid(string? version) => version is not null && Pattern().IsMatch(version);

    /// <summary>Throws an <see cref="ArgumentException"/> naming what a version looks like when <paramref name="version"/> is not one.</summary>
    public static string Require(string? version) => IsValid(version)
        ? version!
        : throw new ArgumentException($"'{version}' is not a model version: versions look like 20261201-173012-3fa4c2d1 (see `models list`)");

    [GeneratedRegex("^[0-9]{8}-[0-9]{6}-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
